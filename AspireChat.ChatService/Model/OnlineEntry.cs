namespace AspireChat.ChatService.Model;

// A name online anywhere in the room, with its Listen streams on every live replica (Replicas:
// where they are, by replica name; MutedUntil: set while the operator has muted it).
public sealed record OnlineEntry(string Name, DateTimeOffset OnlineSince, int Listeners, IReadOnlyList<ReplicaStreams>? Replicas = null, DateTimeOffset? MutedUntil = null);
