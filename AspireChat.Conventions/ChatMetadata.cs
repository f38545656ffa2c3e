namespace AspireChat.Conventions;

// Call metadata of the chat protocol, beside what chat.proto says.
public static class ChatMetadata
{
    // Request metadata: the session token AddUser returned.
    public const string SessionTokenHeader = "chat-session-token";

    // Request metadata of a trusted front end (the web app), which makes its calls for many
    // people over one connection: the address of the person a call is made for ...
    public const string ForwardedForHeader = "chat-forwarded-for";

    // ... and the key that makes the service believe it (Chat:FrontEndKey).
    public const string FrontEndKeyHeader = "chat-front-end-key";

    // Request metadata of the operator's service (ChatAdmin): the admin key (Chat:AdminKey).
    public const string AdminKeyHeader = "chat-admin-key";

    // Listen response trailer of a stream that ended PERMISSION_DENIED because the room's operator
    // disconnected the user: the end of the session, not a refusal to retry.
    public const string DisconnectedTrailer = "chat-disconnected";

    // Listen response headers, written as soon as the stream is subscribed (so a client knows it
    // is live): the room's last sequence number then ...
    public const string SequenceHeader = "chat-sequence";

    // ... the room's epoch: sequence numbers start again in a new epoch (a restarted service) ...
    public const string EpochHeader = "chat-epoch";

    // ... and how many sequence numbers after resume_after history no longer holds.
    public const string MissedHeader = "chat-missed";
}
