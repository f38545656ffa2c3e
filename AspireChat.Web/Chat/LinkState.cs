namespace AspireChat.Web.Chat;

// Whether the page's user is in the room right now.
public enum LinkState
{
    // Not joined (or the name was lost): the join form shows.
    Offline,

    // Joined; the Listen stream is live.
    Live,

    // Joined; the stream was lost and the client is resuming it.
    Reconnecting,

    // The room's operator disconnected the user: no reconnect and no sending; the person may
    // join again (under another name while the operator holds this one).
    Disconnected,
}
