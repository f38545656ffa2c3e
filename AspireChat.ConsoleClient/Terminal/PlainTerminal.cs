namespace AspireChat.ConsoleClient.Terminal;

// For scripts and tests: reads lines from stdin, writes plain lines, no prompts and no colour.
// Text is shown by the display rule (DisplayText) without wrapping: what reads the output has
// no width, and each line break of a text still starts a marked continuation line.
public sealed class PlainTerminal : ITerminal
{
    private readonly Lock _lock = new();

    // Console.In blocks whatever token it is given, so the read gets a thread of its own and
    // cancellation (Ctrl+C, SIGTERM) abandons it: the process is ending.
    public Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(Console.In.ReadLine, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).WaitAsync(cancellationToken);

    public void WriteLine(string text, LineKind kind)
    {
        lock (_lock)
        {
            foreach (var row in DisplayText.Rows(text, DisplayText.NoWrap))
            {
                Console.Out.WriteLine(row);
            }
        }
    }
}
