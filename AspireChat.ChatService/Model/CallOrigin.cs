namespace AspireChat.ChatService.Model;

// Where a call came from, whatever name it uses: its connection, and the address its
// per-address limits count (PeerAddress.Key). Forwarded: made by a trusted front end for the
// person at Address, over the front end's connection, which is shared by everyone it serves and
// so identifies nobody (ConnectionId is then the person on that connection).
public sealed record CallOrigin(string ConnectionId, string Address, bool Forwarded = false);
