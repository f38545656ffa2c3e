namespace AspireChat.ChatService.Messaging;

public enum AddUserOutcome
{
    Added,
    Taken,
    InvalidUsername,
}
