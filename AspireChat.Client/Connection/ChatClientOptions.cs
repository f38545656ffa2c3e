using System.ComponentModel.DataAnnotations;

namespace AspireChat.Client.Connection;

// Bound from the "ChatClient" section. Without Server, the endpoint comes from service discovery
// (services:chat:grpc:0 or CHAT_GRPC; else the services:chat:http:* endpoint that answers
// gRPC), else DefaultServer. See ChatEndpointResolver.
public sealed class ChatClientOptions
{
    public const string SectionName = "ChatClient";

    public static readonly Uri DefaultServer = new("http://localhost:50051");

    public Uri? Server { get; set; }

    [Required]
    public string ServiceName { get; set; } = "chat";

    [Required]
    public string EndpointName { get; set; } = "grpc";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    // HTTP/2 keepalive, whether or not a call is open: a service (or network) that went silent is
    // noticed within delay + timeout, and the client reconnects.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
