namespace AspireChat.ChatService.Grpc;

// Call metadata of the AspireChat contract (see protos/chat.proto).
public static class ChatHeaders
{
    // Request: the session token AddUser returned.
    public const string SessionToken = "chat-session-token";

    // Listen response headers, written as soon as the stream is subscribed (so a client knows it
    // is live): the room's last sequence number then ...
    public const string Sequence = "chat-sequence";

    // ... the room's epoch: sequence numbers start again in a new epoch (a restarted service) ...
    public const string Epoch = "chat-epoch";

    // ... and how many sequence numbers after resume_after history no longer holds.
    public const string Missed = "chat-missed";
}
