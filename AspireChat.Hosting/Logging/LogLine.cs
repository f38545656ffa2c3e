namespace AspireChat.Hosting.Logging;

// One line a resource instance wrote to stdout or stderr, stamped when the AppHost read it.
// Text is as written, colour codes included; PlainText is without them.
public sealed record LogLine(string InstanceName, long Sequence, DateTimeOffset Timestamp, string Text, bool IsError)
{
    public string PlainText => AnsiEscapes.Strip(Text);
}
