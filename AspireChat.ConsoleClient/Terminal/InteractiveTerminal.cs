using AspireChat.Conventions;
namespace AspireChat.ConsoleClient.Terminal;

// A person at a terminal. Incoming lines never garble the line being typed: each one clears the
// input line, prints itself, and puts the prompt and the typed text back. Keys edit the line as
// in a shell (LineEditor). Text is shown by the display rule (DisplayText), wrapped to the
// terminal's width by the console itself, so the terminal never wraps a row unmarked.
public sealed class InteractiveTerminal : ITerminal
{
    private const string ClearLine = "\r\u001b[2K";
    // Save and restore the cursor (DECSC/DECRC): the terminal itself knows how wide the text is.
    private const string SaveCursor = "\u001b7";
    private const string RestoreCursor = "\u001b8";

    private readonly Lock _lock = new();
    private readonly LineEditor _editor = new();
    private string _prompt = "";

    public Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _prompt = InertText.Of(prompt);
            Redraw();
        }
        // Console.ReadKey blocks, so it gets a thread of its own; cancellation abandons it (the
        // process is ending).
        return Task.Factory.StartNew(ReadLine, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).WaitAsync(cancellationToken);
    }

    public void WriteLine(string text, LineKind kind)
    {
        lock (_lock)
        {
            Console.Write(ClearLine);
            Console.ForegroundColor = kind switch
            {
                LineKind.Direct => ConsoleColor.Magenta,
                LineKind.Notice => ConsoleColor.Cyan,
                LineKind.Error => ConsoleColor.Red,
                _ => Console.ForegroundColor,
            };
            foreach (var row in DisplayText.Rows(text, DisplayText.TerminalWidth()))
            {
                Console.WriteLine(row);
            }
            Console.ResetColor();
            Redraw();
        }
    }

    private string? ReadLine()
    {
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            lock (_lock)
            {
                switch (_editor.Apply(key, out var line))
                {
                    case LineEditOutcome.Submitted:
                        // What was typed comes back from the room as "alice: ...".
                        _prompt = "";
                        Console.Write(ClearLine);
                        return line;
                    case LineEditOutcome.EndOfInput:
                        Console.WriteLine();
                        return null;
                    default:
                        Redraw();
                        break;
                }
            }
        }
    }

    // The prompt and the line being typed, on one row, the cursor where the editor has it.
    private void Redraw()
    {
        var (text, cursor) = DisplayText.InputWindow(_editor.Text, _editor.Cursor, DisplayText.TerminalWidth() - _prompt.Length);
        Console.Write(ClearLine + _prompt + text[..cursor]);
        if (cursor < text.Length)
        {
            Console.Write(SaveCursor + text[cursor..] + RestoreCursor);
        }
    }
}
