namespace AspireChat.ChatService.Model;

public enum AddUserOutcome
{
    Added,
    Taken,
    InvalidUsername,
    // A per-connection or per-address registration limit.
    RateLimited,
}
