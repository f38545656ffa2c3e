namespace AspireChat.Client.Messaging;

/// <summary>
/// Yielded by <see cref="ChatClient.ListenAsync"/> right after a reconnect (the
/// <see cref="ChatConnected"/> event) when some of what was sent while the listener was away
/// will never arrive: resuming from the last message seen is not complete.
/// </summary>
/// <param name="ServiceRestarted">
/// The service answered with a different epoch than the one the listener resumed from: it
/// restarted (or lost its shared store) while the listener was away, and its history from before
/// is gone. Messages sent to it before the restart, after the listener's last one, are lost; how
/// many is unknown. What was sent since the restart is replayed as far as its history holds.
/// </param>
/// <param name="Count">
/// How many messages sent while the listener was away the service's history no longer holds
/// (its "chat-missed" header); 0 when it holds all it knows of.
/// </param>
public sealed record ChatMessagesMissed(bool ServiceRestarted, long Count) : ChatEvent;
