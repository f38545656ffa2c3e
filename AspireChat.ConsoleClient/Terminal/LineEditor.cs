using System.Text;

namespace AspireChat.ConsoleClient.Terminal;

// The line being typed and what the usual keys do to it, as in a shell: Left/Right (Ctrl+B/F),
// Home/End (Ctrl+A/E), Backspace, Delete, Ctrl+U (to the start), Ctrl+K (to the end), Ctrl+W
// (the word before), Up/Down (Ctrl+P/N) through the lines sent before, Esc (clear), Enter,
// Ctrl+D (end of input on an empty line). Knows nothing of the screen (InteractiveTerminal draws).
public sealed class LineEditor
{
    private const int MaxHistory = 100;

    private readonly StringBuilder _text = new();
    private readonly List<string> _history = [];
    private int _historyIndex;
    private string _draft = "";

    public string Text => _text.ToString();

    // Where the next character goes, in UTF-16 units of Text.
    public int Cursor { get; private set; }

    public LineEditOutcome Apply(ConsoleKeyInfo key, out string? line)
    {
        line = null;
        switch (Command(key))
        {
            case ConsoleKey.Enter:
                line = Text;
                Remember(line);
                Reset("");
                return LineEditOutcome.Submitted;
            case ConsoleKey.D when _text.Length == 0:
                return LineEditOutcome.EndOfInput;
            case var command:
                Edit(command, key.KeyChar);
                return LineEditOutcome.Editing;
        }
    }

    private void Edit(ConsoleKey? command, char typed)
    {
        switch (command)
        {
            case ConsoleKey.D or ConsoleKey.Delete:
                Remove(Cursor, NextBoundary(Cursor));
                break;
            case ConsoleKey.Backspace or ConsoleKey.H:
                Remove(PreviousBoundary(Cursor), Cursor);
                break;
            case ConsoleKey.U:
                Remove(0, Cursor);
                break;
            case ConsoleKey.K:
                Remove(Cursor, _text.Length);
                break;
            case ConsoleKey.W:
                Remove(WordStart(), Cursor);
                break;
            case ConsoleKey.Escape:
                Reset("");
                break;
            case null when !char.IsControl(typed) && typed != '\0':
                _text.Insert(Cursor, typed);
                Cursor++;
                break;
            default:
                Move(command);
                break;
        }
    }

    // Through the line, or through the lines sent before.
    private void Move(ConsoleKey? command)
    {
        switch (command)
        {
            case ConsoleKey.LeftArrow or ConsoleKey.B:
                Cursor = PreviousBoundary(Cursor);
                break;
            case ConsoleKey.RightArrow or ConsoleKey.F:
                Cursor = NextBoundary(Cursor);
                break;
            case ConsoleKey.Home or ConsoleKey.A:
                Cursor = 0;
                break;
            case ConsoleKey.End or ConsoleKey.E:
                Cursor = _text.Length;
                break;
            case ConsoleKey.UpArrow or ConsoleKey.P:
                Recall(_historyIndex - 1);
                break;
            case ConsoleKey.DownArrow or ConsoleKey.N:
                Recall(_historyIndex + 1);
                break;
        }
    }

    // The editing command a key stands for: its own key, or the letter of a Ctrl+letter;
    // null for a character to insert.
    private static ConsoleKey? Command(ConsoleKeyInfo key)
    {
        var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        if (key.KeyChar is >= '\u0001' and <= '\u001a' && key.KeyChar is not ('\t' or '\r' or '\n' or '\b'))
        {
            // A terminal sends Ctrl+A ... Ctrl+Z as the characters 1 ... 26.
            return ConsoleKey.A + (key.KeyChar - '\u0001');
        }
        return key.Key switch
        {
            ConsoleKey.Enter or ConsoleKey.Backspace or ConsoleKey.Delete or ConsoleKey.Escape
                or ConsoleKey.LeftArrow or ConsoleKey.RightArrow or ConsoleKey.UpArrow or ConsoleKey.DownArrow
                or ConsoleKey.Home or ConsoleKey.End => key.Key,
            >= ConsoleKey.A and <= ConsoleKey.Z when control => key.Key,
            _ when key.KeyChar is '\r' or '\n' => ConsoleKey.Enter,
            _ when key.KeyChar is '\b' or '\u007f' => ConsoleKey.Backspace,
            _ => null,
        };
    }

    private void Remove(int start, int end)
    {
        if (end > start)
        {
            _text.Remove(start, end - start);
            Cursor = start;
        }
    }

    // The start of the word before the cursor, past the whitespace before it (as Ctrl+W in a shell).
    private int WordStart()
    {
        var start = Cursor;
        while (start > 0 && char.IsWhiteSpace(_text[start - 1]))
        {
            start--;
        }
        while (start > 0 && !char.IsWhiteSpace(_text[start - 1]))
        {
            start--;
        }
        return start;
    }

    // Never between the two halves of a surrogate pair.
    private int PreviousBoundary(int index) =>
        index switch
        {
            0 => 0,
            >= 2 when char.IsLowSurrogate(_text[index - 1]) && char.IsHighSurrogate(_text[index - 2]) => index - 2,
            _ => index - 1,
        };

    private int NextBoundary(int index) =>
        index >= _text.Length ? _text.Length
        : index + 1 < _text.Length && char.IsHighSurrogate(_text[index]) && char.IsLowSurrogate(_text[index + 1]) ? index + 2
        : index + 1;

    private void Remember(string line)
    {
        if (line.Length > 0 && (_history.Count == 0 || _history[^1] != line))
        {
            _history.Add(line);
            if (_history.Count > MaxHistory)
            {
                _history.RemoveAt(0);
            }
        }
        _historyIndex = _history.Count;
        _draft = "";
    }

    // Index _history.Count is the line being written before Up was pressed.
    private void Recall(int index)
    {
        if (index < 0 || index > _history.Count || index == _historyIndex)
        {
            return;
        }
        if (_historyIndex == _history.Count)
        {
            _draft = Text;
        }
        _historyIndex = index;
        var text = index == _history.Count ? _draft : _history[index];
        _text.Clear().Append(text);
        Cursor = _text.Length;
    }

    private void Reset(string text)
    {
        _text.Clear().Append(text);
        Cursor = _text.Length;
        _historyIndex = _history.Count;
    }
}
