namespace AspireChat.Client.Messaging;

// What ChatClient.ListenAsync yields: messages, and the state of the connection.
public abstract record ChatEvent;

public sealed record ChatMessageReceived(ChatMessage Message) : ChatEvent;

/// <summary>The stream is live (again, when <paramref name="IsReconnect"/>).</summary>
/// <param name="IsReconnect">Whether this follows a lost connection.</param>
/// <param name="Missed">
/// How many messages a resume asked for that the service no longer had; a
/// <see cref="ChatMessagesMissed"/> event follows whenever this is not 0 or the service restarted.
/// </param>
public sealed record ChatConnected(bool IsReconnect, long Missed) : ChatEvent;

public sealed record ChatConnectionLost(string Reason, int Attempt, TimeSpan RetryIn) : ChatEvent;
