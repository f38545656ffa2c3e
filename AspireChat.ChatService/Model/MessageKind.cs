namespace AspireChat.ChatService.Model;

public enum MessageKind
{
    Chat,
    Joined,
    Left,
    // The operator's notice to everybody, from the room (Usernames.Announcer).
    Announcement,
    // The operator's notice to one user (RecipientId) of why they were disconnected: their
    // streams end once it is delivered (SubscriptionEnd.Disconnected).
    Disconnect,
}
