namespace AspireChat.ChatService.Users;

public enum StreamOpenResult
{
    Opened,
    LimitReached,
    Expired,
}
