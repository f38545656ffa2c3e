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
}
