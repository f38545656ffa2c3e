namespace AspireChat.Client.Messaging;

/// <summary>The stream is live (again, when <paramref name="IsReconnect"/>).</summary>
/// <param name="IsReconnect">Whether a lost or refused attempt came before it.</param>
/// <param name="Missed">
/// How many messages a resume asked for that the service no longer had; a
/// <see cref="ChatMessagesMissed"/> event follows whenever this is not 0 or the service restarted.
/// </param>
public sealed record ChatConnected(bool IsReconnect, long Missed) : ChatEvent;
