namespace AspireChat.ScaleOut.Tests;

// Checks on the sequence numbers messages carry.
public static class Sequences
{
    public static bool IsIncreasing(IEnumerable<ulong> sequences)
    {
        var list = sequences.ToList();
        return list.Zip(list.Skip(1)).All(pair => pair.First < pair.Second);
    }
}
