using AspireChat.ChatService.Limits;

namespace AspireChat.ChatService.Model;

// A registered user. Identity is the Id: a later registration of the same name is another user,
// so history written for one never reaches the other.
public sealed class ChatUser
{
    // Its per-user message limit, kept here so that nothing walks the users to refill it.
    private TokenBucket _messages;

    internal ChatUser(long id, string name, string sessionToken, string connectionKey, DateTimeOffset onlineSince, long idleSince, string? address = null)
    {
        Address = address;
        Id = id;
        Name = name;
        SessionToken = sessionToken;
        ConnectionKey = connectionKey;
        OnlineSince = onlineSince;
        IdleSince = idleSince;
    }

    public long Id { get; }

    public string Name { get; }

    public string SessionToken { get; }

    public DateTimeOffset OnlineSince { get; }

    // The connection that registered the user: the identity of clients that send no token.
    internal string ConnectionKey { get; }

    // The address (PeerAddress.Key) it was registered from, which counts it among the users that
    // address holds; null for a user another replica registered.
    internal string? Address { get; }

    // Guarded by the UserRegistry lock.
    internal int Streams { get; set; }

    // Timestamp (TimeProvider) since which the user has had no stream.
    internal long IdleSince { get; set; }

    internal bool Removed { get; set; }

    // Whether the user may send one more message now (ChatRoom's per-user limit).
    internal bool TryTakeMessage(BucketRate rate, long now) => _messages.TryTake(rate, now);

    public override string ToString() => Name;
}
