namespace AspireChat.Web.Chat;

// What a line of the page's room is, and so how it looks.
public enum ChatLineKind
{
    // Said to the room.
    Broadcast,

    // A direct message to this user.
    DirectIn,

    // This user's direct message to another (the room does not send it back: an echo).
    DirectOut,

    // Somebody joined or left.
    Presence,

    // The room's operator announced something: a notice from the room, not a user's message.
    Announcement,

    // From the page itself: messages the service could not replay.
    Notice,
}
