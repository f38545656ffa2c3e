using AspireChat.ChatService.Model;
using AspireChat.Conventions;

namespace AspireChat.ChatService.Users;

// The look-ups of the users this process knows: by name (case-insensitively), by look (the UTS
// #39 skeleton: one user per look), by session token, by connection and by address. Not
// thread-safe: UserRegistry calls it under its lock.
internal sealed class UserIndex
{
    private readonly Dictionary<string, ChatUser> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatUser> _bySkeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatUser> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatUser> _byConnection = new(StringComparer.Ordinal);
    // Per address (PeerAddress.Key): the users registered from it.
    private readonly Dictionary<string, HashSet<ChatUser>> _byAddress = new(StringComparer.Ordinal);
    // The users with no Listen stream open, the only ones that can expire: a sweep looks at them
    // alone, not at every listener.
    private readonly HashSet<ChatUser> _withoutStream = [];

    public IEnumerable<ChatUser> All => _byName.Values;

    public IEnumerable<ChatUser> WithoutStream => _withoutStream;

    public ChatUser? ByName(string key) => _byName.GetValueOrDefault(key);

    public ChatUser? ByLook(string skeleton) => _bySkeleton.GetValueOrDefault(skeleton);

    public ChatUser? ByToken(string token) => _byToken.GetValueOrDefault(token);

    public ChatUser? ByConnection(string connectionKey) => _byConnection.GetValueOrDefault(connectionKey);

    // Whoever holds this name, or one that looks like it.
    public ChatUser? Holder(string key, string skeleton) => ByName(key) ?? ByLook(skeleton);

    // Everyone who holds this name or its look.
    public ChatUser[] HoldersOf(string name) =>
        [.. new[] { ByName(Usernames.Key(name)), ByLook(Usernames.Skeleton(name)) }.OfType<ChatUser>().Distinct()];

    // Whether at least limit users registered from the address count. Counted one by one only
    // when the set (expired users included) has reached the limit.
    public bool FromAddressAtLeast(string address, int limit, Func<ChatUser, bool> counts) =>
        _byAddress.TryGetValue(address, out var users) && users.Count >= limit && users.Count(counts) >= limit;

    public void Add(ChatUser user, string? connectionKey)
    {
        _byName.Add(Usernames.Key(user.Name), user);
        _bySkeleton.Add(Usernames.Skeleton(user.Name), user);
        _byToken[user.SessionToken] = user;
        StreamsChanged(user);
        if (user.Address is { } address)
        {
            if (!_byAddress.TryGetValue(address, out var users))
            {
                _byAddress[address] = users = [];
            }
            users.Add(user);
        }
        if (connectionKey is not null)
        {
            BindConnection(connectionKey, user);
        }
    }

    // After a user's streams were counted again: with none, it may expire.
    public void StreamsChanged(ChatUser user)
    {
        if (user.Streams == 0 && !user.Removed)
        {
            _withoutStream.Add(user);
        }
        else
        {
            _withoutStream.Remove(user);
        }
    }

    // A connection speaks for its latest registration.
    public void BindConnection(string connectionKey, ChatUser user) => _byConnection[connectionKey] = user;

    public void Remove(ChatUser user)
    {
        _byName.Remove(Usernames.Key(user.Name));
        _bySkeleton.Remove(Usernames.Skeleton(user.Name));
        _byToken.Remove(user.SessionToken);
        _withoutStream.Remove(user);
        if (user.Address is { } address && _byAddress.TryGetValue(address, out var users) && users.Remove(user) && users.Count == 0)
        {
            _byAddress.Remove(address);
        }
        if (_byConnection.TryGetValue(user.ConnectionKey, out var bound) && bound == user)
        {
            _byConnection.Remove(user.ConnectionKey);
        }
    }
}
