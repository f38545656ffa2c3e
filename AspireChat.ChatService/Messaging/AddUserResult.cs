using AspireChat.ChatService.Users;

namespace AspireChat.ChatService.Messaging;

public sealed record AddUserResult(AddUserOutcome Outcome, string Message, ChatUser? User = null);
