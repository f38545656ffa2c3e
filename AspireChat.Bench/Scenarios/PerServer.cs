namespace AspireChat.Bench.Scenarios;

// One T for each server the suite compares: the chat service with its in-memory room, the
// ceiling, the SignalR hub, and the chat service scaled out on the Redis backplane.
internal sealed record PerServer<T>(T InMemory, T Ceiling, T SignalR, T Backplane)
{
    public IReadOnlyList<T> All => [InMemory, Ceiling, SignalR, Backplane];

    public static PerServer<T> Of(IReadOnlyList<T> all) => new(all[0], all[1], all[2], all[3]);
}
