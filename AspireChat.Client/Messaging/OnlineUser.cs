namespace AspireChat.Client.Messaging;

public sealed record OnlineUser(string Username, DateTimeOffset OnlineSince, int Listeners);
