namespace AspireChat.ChatService.Model;

public enum StreamOpenResult
{
    Opened,
    LimitReached,
    // The address the stream comes from has its limit of streams open.
    AddressLimitReached,
    Expired,
}
