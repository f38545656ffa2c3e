using System.Diagnostics;

namespace AspireChat.BotClient.Bots;

public static class BotTelemetry
{
    public const string Name = "AspireChat.BotClient";

    public static ActivitySource Source { get; } = new(Name);
}
