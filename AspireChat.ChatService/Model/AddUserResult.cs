namespace AspireChat.ChatService.Model;

public sealed record AddUserResult(AddUserOutcome Outcome, string Message, ChatUser? User = null);
