namespace AspireChat.ChatService.Model;

// Where a call came from, whatever name it uses: its connection, and the address its
// per-address limits count (PeerAddress.Key).
public sealed record CallOrigin(string ConnectionId, string Address);
