using System.Diagnostics;

namespace AspireChat.Client.Diagnostics;

public static class ChatClientTelemetry
{
    public const string Name = "AspireChat.Client";

    public const string SendSpan = "chat.send";
    public const string ReceiveSpan = "chat.receive";

    public static ActivitySource Source { get; } = new(Name);
}
