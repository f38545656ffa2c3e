namespace AspireChat.Conventions;

// Call metadata of the chat protocol, beside what chat.proto says.
public static class ChatMetadata
{
    // Request metadata: the session token AddUser returned.
    public const string SessionTokenHeader = "chat-session-token";

    // Listen response headers, written as soon as the stream is subscribed (so a client knows it
    // is live): the room's last sequence number then ...
    public const string SequenceHeader = "chat-sequence";

    // ... the room's epoch: sequence numbers start again in a new epoch (a restarted service) ...
    public const string EpochHeader = "chat-epoch";

    // ... and how many sequence numbers after resume_after history no longer holds.
    public const string MissedHeader = "chat-missed";
}
