using AspireChat.Client.Diagnostics;
using AspireChat.Conventions;
using Grpc.Core;

namespace AspireChat.Client.Connection;

// Whether the room's operator has ended the session of one client, and why: set by the listener
// that heard it, cleared by the client's next registration. Meanwhile every call that needs the
// session fails with the reason rather than registering the name again.
internal sealed class OperatorDisconnect
{
    private volatile ChatDisconnectedException? _disconnected;

    // Logs the first word of it; returns what ends the listening.
    public ChatDisconnectedException Set(string reason, ILogger logger, string? username)
    {
        var disconnected = new ChatDisconnectedException(reason);
        if (Interlocked.Exchange(ref _disconnected, disconnected) is null)
        {
            ChatClientLog.DisconnectedByOperator(logger, username, disconnected.Reason);
        }
        return disconnected;
    }

    public void Clear() => _disconnected = null;

    // A Listen stream the operator ended: PERMISSION_DENIED with the service's trailer saying so.
    // Any other PERMISSION_DENIED (a proxy's 403, a front end's refused key) is not the end of the
    // session.
    public static bool Ended(RpcException ex) =>
        ex.StatusCode == StatusCode.PermissionDenied && ex.Trailers.GetValue(ChatMetadata.DisconnectedTrailer) is not null;

    public void ThrowIfSet()
    {
        if (_disconnected is { } disconnected)
        {
            throw new ChatDisconnectedException(disconnected.Reason);
        }
    }
}
