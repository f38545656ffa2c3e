using System.ComponentModel.DataAnnotations;

namespace AspireChat.Client.Connection;

/// <summary>
/// Where the service is and how the client reconnects; bound from the "ChatClient" section and
/// validated at start. Without <see cref="Server"/>, the endpoint comes from service discovery
/// (services:chat:grpc:0 or CHAT_GRPC; else the services:chat:http:* endpoint that answers
/// gRPC), else <see cref="DefaultServer"/>: see <see cref="ChatEndpointResolver"/>.
/// </summary>
public sealed class ChatClientOptions
{
    /// <summary>The configuration section: "ChatClient".</summary>
    public const string SectionName = "ChatClient";

    /// <summary>Where the service is when nothing says otherwise: http://localhost:50051.</summary>
    public static readonly Uri DefaultServer = new("http://localhost:50051");

    /// <summary>The service's gRPC address; when set, service discovery is not asked.</summary>
    public Uri? Server { get; set; }

    /// <summary>The service's name in service discovery: "chat".</summary>
    [Required]
    public string ServiceName { get; set; } = "chat";

    /// <summary>The name of the service's gRPC endpoint in service discovery: "grpc".</summary>
    [Required]
    public string EndpointName { get; set; } = "grpc";

    /// <summary>
    /// The delay before the first reconnect (with jitter: between half of it and all of it); each
    /// later one doubles, up to <see cref="ReconnectMaxDelay"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between reconnect attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the connection may be quiet before an HTTP/2 keepalive ping, whether or not a call
    /// is open: a service (or network) that went silent is noticed within this delay and
    /// <see cref="KeepAlivePingTimeout"/>, and the client reconnects.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a keepalive ping may go unanswered before the connection counts as lost.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The key the service trusts its front end by (the service's Chat:FrontEndKey), sent with the
    /// calls of every client that sets <see cref="ChatClient.ForwardedFor"/>. Only a front end
    /// (a web app serving many people) has it; null for everybody else.
    /// </summary>
    public string? FrontEndKey { get; set; }
}
