namespace AspireChat.ChatService.Messaging;

// Where a call came from, whatever name it uses: its connection and the remote address.
public sealed record CallOrigin(string ConnectionId, string Address);
