namespace AspireChat.ConsoleClient.Terminal;

// For scripts and tests: reads lines from stdin, writes plain lines, no prompts and no colour.
// Text is shown by the display rule (DisplayText), wrapped only when the output is a terminal
// (input from a script, output to a person): a file or a pipe has no width. Each line break of a
// text starts a marked continuation line either way.
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
            foreach (var row in DisplayText.Rows(text, DisplayText.TerminalWidth()))
            {
                Console.Out.WriteLine(row);
            }
        }
    }
}
