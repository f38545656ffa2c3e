namespace AspireChat.ChatService.Model;

// A name online anywhere in the room, with its Listen streams on every live replica.
public sealed record OnlineEntry(string Name, DateTimeOffset OnlineSince, int Listeners);
