using Grpc.Core;

namespace AspireChat.Client.Connection;

/// <summary>How a failed chat call reads in a log line or a <see cref="Messaging.ChatConnectionLost"/>.</summary>
public static class RpcExceptionExtensions
{
    /// <summary>The status code, and the service's (or gRPC's) explanation when there is one: "Unavailable: Redis is away".</summary>
    /// <param name="exception">The failed call.</param>
    public static string ToReason(this RpcException exception) =>
        exception.Status.Detail is { Length: > 0 } detail ? $"{exception.StatusCode}: {detail}" : exception.StatusCode.ToString();
}
