namespace AspireChat.ConsoleClient.Terminal;

public enum LineKind
{
    Chat,
    Direct,
    Notice,
    Error,
}
