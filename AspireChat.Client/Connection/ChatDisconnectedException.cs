namespace AspireChat.Client.Connection;

/// <summary>
/// The room's operator disconnected this user: their session is over, and the name is held for a
/// while, so the client neither reconnects nor registers again by itself. Show
/// <see cref="Reason"/> to the person; registering again (<see cref="ChatClient.RegisterAsync"/>)
/// is theirs to decide, with another name or this one once the hold ends.
/// </summary>
/// <param name="reason">The operator's reason, and until when the name is held, in the service's words.</param>
public sealed class ChatDisconnectedException(string reason)
    : Exception(reason.Length > 0 ? reason : "You were disconnected by the room's operator.")
{
    /// <summary>Why, in the service's words, fit to show a person (through the display rules for any service text).</summary>
    public string Reason => Message;
}
