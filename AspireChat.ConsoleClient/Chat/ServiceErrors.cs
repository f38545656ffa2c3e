using Grpc.Core;

namespace AspireChat.ConsoleClient.Chat;

// A failed call, as the person at the terminal reads it.
public static class ServiceErrors
{
    // In words for a person: never gRPC's own ("Error connecting to subchannel."), but the
    // service's own when it answered (its Redis away, say).
    public static string Describe(RpcException ex) => ServiceSaid(ex) ?? ex.StatusCode switch
    {
        StatusCode.Unavailable => "the chat service cannot be reached right now",
        StatusCode.DeadlineExceeded => "the chat service did not answer in time",
        StatusCode.Cancelled => "the request was cancelled",
        StatusCode.Internal or StatusCode.Unknown => "the chat service had a problem",
        _ when ex.Status.Detail is { Length: > 0 } detail => detail,
        _ => "refused",
    };

    // An UNAVAILABLE the service itself sent, with its reason; the client's own failures (no
    // connection) carry the exception that caused them.
    public static string? ServiceSaid(RpcException ex) =>
        ex.StatusCode == StatusCode.Unavailable && ex.Status.DebugException is null && ex.Status.Detail is { Length: > 0 } detail ? detail : null;
}
