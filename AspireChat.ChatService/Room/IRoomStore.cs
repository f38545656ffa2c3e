using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// Where the room's state lives: what differs between a room this process holds alone and one
// that replicas share. ChatRoom writes the rules once over it; registration picks the store. A
// store owns the names online (with UserRegistry as this process's view of them), numbers the
// messages, keeps the history, and brings every message to this process's RoomFanOut.
public interface IRoomStore
{
    // Registers a normalised name for a caller, or finds the caller's own registration again.
    // The JOINED and LEFT notices it causes go out through presence, in the store's order.
    ValueTask<Registration> RegisterAsync(string name, string? sessionToken, string connectionKey, string address, PresenceNotices presence);

    // A session this process does not know: one another replica issued, or none.
    ValueTask<ChatUser?> FindSessionAsync(string sessionToken);

    // Numbers the message and sends it to the room (recipientName: normalised; null for everyone).
    ValueTask<PublishResult> PublishAsync(MessageKind kind, ChatUser sender, string text, string? recipientName);

    // Every name online in the room, in name order, with its Listen streams.
    ValueTask<IReadOnlyList<OnlineEntry>> OnlineAsync();

    // Run every sweep interval: lets the names whose grace has passed go (with their LEFT
    // notices), and keeps the others.
    Task SweepAsync(PresenceNotices presence);

    // A name is held for a stream's lease from the moment its stream is open.
    Task HoldNameAsync(ChatUser user);

    // The user's last stream here has ended: its grace period starts now.
    void LastStreamClosed(ChatUser user);

    // The operator's operations (ChatAdmin). Each reaches the user on whichever replica holds them.

    // Numbers a notice from the room (MessageKind.Announcement) and sends it to every listener.
    ValueTask<PublishResult> AnnounceAsync(string text);

    // Ends the session of the user online under this (normalised) name: a notice with the reason
    // to them alone (MessageKind.Disconnect), after which their streams end everywhere; the name is
    // held until heldUntil for everybody, the user included. Returns the name as it was held, or
    // null when nobody of that name is online.
    ValueTask<string?> DisconnectAsync(string name, string reason, DateTimeOffset heldUntil);

    // The user online under this name may publish nothing until mute.Until (PublishOutcome.Muted).
    // Returns the name as it is held, or null when nobody of that name is online.
    ValueTask<string?> MuteAsync(string name, Mute mute);

    // False when the name was not muted.
    ValueTask<bool> UnmuteAsync(string name);

    // The sequence number through which a listener resuming after resumeAfter is sent nothing
    // live: what it saw elsewhere may be ahead of what this process has delivered.
    long SkipThrough(long resumeAfter);
}
