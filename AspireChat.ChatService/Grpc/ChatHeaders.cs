namespace AspireChat.ChatService.Grpc;

// Call metadata of the AspireChat contract (see protos/chat.proto).
public static class ChatHeaders
{
    // Request: the session token AddUser returned.
    public const string SessionToken = "chat-session-token";

    // Listen response: how many sequence numbers after resume_after history no longer holds.
    public const string Missed = "chat-missed";
}
