namespace AspireChat.Bench.Scenarios;

// One T for each server the direct messages are measured on: the chat service with its
// in-memory room, the SignalR hub, and the chat service scaled out on the Redis backplane (the
// ceiling has no users to address).
internal sealed record DirectServers<T>(T InMemory, T SignalR, T Backplane)
{
    public IReadOnlyList<T> All => [InMemory, SignalR, Backplane];

    public static DirectServers<T> Of(IReadOnlyList<T> all) => new(all[0], all[1], all[2]);
}
