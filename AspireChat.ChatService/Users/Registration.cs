namespace AspireChat.ChatService.Users;

// The outcome of UserRegistry.Register: User is null when the name is taken by somebody else.
// Expired is a user whose grace period had passed and who was removed to make room.
public sealed record Registration(ChatUser? User, bool IsNew, ChatUser? Expired);
