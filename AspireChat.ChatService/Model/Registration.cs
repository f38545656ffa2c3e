namespace AspireChat.ChatService.Model;

// The outcome of registering a name (UserRegistry.Register, IRoomStore.RegisterAsync): User is
// null when the name is taken by somebody else. Expired is a user whose grace period had passed
// and who was removed to make room. Held: the name is held for its owner after a restart
// (NameReservations). AddressFull: the caller's address holds as many users as it may.
// HeldByOperatorUntil: the operator disconnected the name's user and holds it until then.
public sealed record Registration(ChatUser? User, bool IsNew, ChatUser? Expired, bool Held = false, bool AddressFull = false, DateTimeOffset? HeldByOperatorUntil = null);
