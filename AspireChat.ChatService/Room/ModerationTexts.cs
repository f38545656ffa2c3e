using System.Globalization;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// What users are told of the operator's moderation, the same whichever store holds the room.
// Times are UTC, to the second: every user reads the same clock.
public static class ModerationTexts
{
    // The notice a disconnected user receives (MessageKind.Disconnect), and the status their
    // Listen streams end with.
    public static string DisconnectNotice(string name, string reason, DateTimeOffset heldUntil) =>
        $"You were disconnected by the room's operator: {reason}. The name {name} is held until {Time(heldUntil)} UTC.";

    // AddUser of a name the operator holds (TAKEN).
    public static string HeldName(string name, DateTimeOffset heldUntil) =>
        $"The username {name} is held by the room's operator until {Time(heldUntil)} UTC; choose another.";

    // A muted user's send (MUTED).
    public static string Muted(Mute mute) =>
        $"You are muted by the room's operator until {Time(mute.Until)} UTC: {mute.Reason}.";

    // An operation on a name nobody online has (NOT_FOUND).
    public static string NotOnline(string name) => $"No user named {name} is online.";

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
