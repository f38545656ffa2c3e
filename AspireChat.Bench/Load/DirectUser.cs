namespace AspireChat.Bench.Load;

// One simulated user of the direct-message scenario: what it receives, counted per sender, and
// how it sends a text to another user (by number); Send is true when the server accepted it.
internal sealed record DirectUser(BenchListener Listener, Func<int, string, CancellationToken, Task<bool>> Send);
