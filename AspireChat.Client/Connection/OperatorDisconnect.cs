using AspireChat.Client.Diagnostics;

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

    public void ThrowIfSet()
    {
        if (_disconnected is { } disconnected)
        {
            throw new ChatDisconnectedException(disconnected.Reason);
        }
    }
}
