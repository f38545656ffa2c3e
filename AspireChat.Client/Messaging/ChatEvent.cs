namespace AspireChat.Client.Messaging;

// What ChatClient.ListenAsync yields: messages, and the state of the connection.
public abstract record ChatEvent;

public sealed record ChatMessageReceived(ChatMessage Message) : ChatEvent;

// The stream is live. Missed counts messages a resume asked for that the service no longer had.
public sealed record ChatConnected(bool IsReconnect, long Missed) : ChatEvent;

public sealed record ChatConnectionLost(string Reason, int Attempt, TimeSpan RetryIn) : ChatEvent;
