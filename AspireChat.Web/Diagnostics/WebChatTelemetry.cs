using System.Diagnostics;

namespace AspireChat.Web.Diagnostics;

// The web app's own spans: a send from a page starts its trace here, before the client's.
public static class WebChatTelemetry
{
    public const string Name = "AspireChat.Web";

    public const string SendSpan = "web.send";

    public static ActivitySource Source { get; } = new(Name);
}
