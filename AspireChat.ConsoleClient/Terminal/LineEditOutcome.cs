namespace AspireChat.ConsoleClient.Terminal;

public enum LineEditOutcome
{
    // The line changed (or the cursor moved): redraw it.
    Editing,
    // Enter: the line is done.
    Submitted,
    // Ctrl+D on an empty line: no more input.
    EndOfInput,
}
