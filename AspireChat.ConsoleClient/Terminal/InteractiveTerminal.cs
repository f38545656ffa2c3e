using System.Text;

namespace AspireChat.ConsoleClient.Terminal;

// A person at a terminal. Incoming lines never garble the line being typed: each one clears the
// input line, prints itself, and puts the prompt and the typed text back.
public sealed class InteractiveTerminal : ITerminal
{
    private const string ClearLine = "\r\u001b[2K";

    private readonly Lock _lock = new();
    private readonly StringBuilder _input = new();
    private string _prompt = "";

    public Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _prompt = prompt;
            _input.Clear();
            Console.Write(prompt);
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
            Console.WriteLine(text);
            Console.ResetColor();
            Console.Write(_prompt);
            Console.Write(_input);
        }
    }

    private string? ReadLine()
    {
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            lock (_lock)
            {
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        // What was typed comes back from the room as "alice: ...".
                        var line = _input.ToString();
                        _input.Clear();
                        _prompt = "";
                        Console.Write(ClearLine);
                        return line;
                    case ConsoleKey.Backspace when _input.Length > 0:
                        _input.Length--;
                        Console.Write("\b \b");
                        break;
                    case ConsoleKey.Escape:
                        _input.Clear();
                        Console.Write(ClearLine + _prompt);
                        break;
                    case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && _input.Length == 0:
                        Console.WriteLine();
                        return null;
                    default:
                        if (!char.IsControl(key.KeyChar))
                        {
                            _input.Append(key.KeyChar);
                            Console.Write(key.KeyChar);
                        }
                        break;
                }
            }
        }
    }
}
