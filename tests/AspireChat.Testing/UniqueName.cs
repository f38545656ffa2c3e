namespace AspireChat.Testing;

// Tests share a service, so each takes names of its own.
public static class UniqueName
{
    private static int s_counter;

    public static string For(string name) => $"{name}-{Interlocked.Increment(ref s_counter)}";
}
