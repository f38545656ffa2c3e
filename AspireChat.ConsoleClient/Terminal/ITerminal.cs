namespace AspireChat.ConsoleClient.Terminal;

// Where the chat meets the person: an interactive terminal, or plain lines when stdin is redirected.
public interface ITerminal
{
    // The next line typed, or null at the end of input.
    Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken);

    void WriteLine(string text, LineKind kind);
}
