namespace AspireChat.ConsoleClient.Terminal;

// For scripts and tests: reads lines from stdin, writes plain lines, no prompts and no colour.
public sealed class PlainTerminal : ITerminal
{
    private readonly Lock _lock = new();

    public async Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken) =>
        await Console.In.ReadLineAsync(cancellationToken);

    public void WriteLine(string text, LineKind kind)
    {
        lock (_lock)
        {
            Console.Out.WriteLine(text);
        }
    }
}
