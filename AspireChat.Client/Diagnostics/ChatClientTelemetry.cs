using System.Diagnostics;

namespace AspireChat.Client.Diagnostics;

/// <summary>The client's tracing: add <see cref="Name"/> to the tracer provider's sources.</summary>
public static class ChatClientTelemetry
{
    /// <summary>The ActivitySource's name: "AspireChat.Client".</summary>
    public const string Name = "AspireChat.Client";

    /// <summary>The span of one send.</summary>
    public const string SendSpan = "chat.send";

    /// <summary>The span of one message received, a child of the sender's trace.</summary>
    public const string ReceiveSpan = "chat.receive";

    /// <summary>Where the client's spans start.</summary>
    public static ActivitySource Source { get; } = new(Name);
}
