namespace AspireChat.ChatService.Model;

// A user's Listen streams on one replica (ChatOptions.ReplicaName).
public sealed record ReplicaStreams(string Replica, int Listeners);
