using System.Security.Cryptography;
using AspireChat.ChatService.Backplane;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.Conventions;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Users;

// Who is online. A user stays online while it has a Listen stream, plus the reconnect grace
// period after its last stream ends (or after it registered, if it never listened); past that it
// is expired: invisible to every look-up at once, removed by the next sweep or registration.
public sealed class UserRegistry(IOptions<ChatOptions> options, TimeProvider timeProvider, ChatTelemetry telemetry, SessionTokens? tokens = null, NameReservations? reservations = null)
{
    private readonly SessionTokens _tokens = tokens ?? new SessionTokens(RandomNumberGenerator.GetBytes(SessionKey.MinimumBytes));
    private readonly NameReservations _reservations = reservations ?? NameReservations.None;
    private bool _namesChanged;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ChatUser> _byName = new(StringComparer.Ordinal);
    // Names by their confusable skeleton: one user per look.
    private readonly Dictionary<string, ChatUser> _bySkeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatUser> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChatUser> _byConnection = new(StringComparer.Ordinal);
    // Per address (PeerAddress.Key): the users registered from it, and its open Listen streams.
    private readonly Dictionary<string, HashSet<ChatUser>> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _streamsByAddress = new(StringComparer.Ordinal);
    private readonly ChatOptions _options = options.Value;
    private long _lastId;

    // username must already be normalised (Usernames.TryNormalize). A name taken
    // case-insensitively, or confusable with one online (the same UTS #39 skeleton), is refused;
    // so is a new user from an address (PeerAddress.Key) that holds as many as it may.
    public Registration Register(string username, string? sessionToken, string connectionKey, string? address = null)
    {
        var key = Usernames.Key(username);
        var skeleton = Usernames.Skeleton(username);
        lock (_lock)
        {
            ChatUser? expired = null;
            while (Holder(key, skeleton) is { } existing)
            {
                if (IsExpired(existing))
                {
                    Remove(existing);
                    expired ??= existing;
                }
                else if (Usernames.Key(existing.Name) == key && ((sessionToken is not null && sessionToken == existing.SessionToken) || connectionKey == existing.ConnectionKey))
                {
                    // The same caller registering again (a retry) keeps its session.
                    return new Registration(existing, IsNew: false, Expired: null);
                }
                else
                {
                    return new Registration(null, IsNew: false, Expired: null);
                }
            }

            if (address is not null && AddressFull(address, exceptKey: key))
            {
                return new Registration(null, IsNew: false, Expired: expired, AddressFull: true);
            }

            // A valid token for this very name is its owner's, from before a restart.
            var ownersToken = sessionToken is not null && _tokens.Verify(sessionToken, username) ? sessionToken : null;
            if (ownersToken is null && _reservations.IsHeld(username))
            {
                return new Registration(null, IsNew: false, Expired: expired, Held: true);
            }

            var now = timeProvider.GetTimestamp();
            var user = new ChatUser(++_lastId, username, ownersToken ?? _tokens.Issue(username), connectionKey, timeProvider.GetUtcNow(), idleSince: now, address);
            _byName.Add(key, user);
            TrackAddress(user);
            _bySkeleton.Add(skeleton, user);
            _byToken[user.SessionToken] = user;
            // A connection speaks for its latest registration.
            _byConnection[connectionKey] = user;
            _namesChanged = true;
            telemetry.UsersOnline.Add(1);
            return new Registration(user, IsNew: true, Expired: expired);
        }
    }

    public string IssueToken(string username) => _tokens.Issue(username);

    // Whether a new user from this address would be one too many here (a user of this very name
    // already counts).
    public bool IsAddressFull(string address, string username)
    {
        lock (_lock)
        {
            return AddressFull(address, exceptKey: Usernames.Key(username));
        }
    }

    // A name the backplane holds for this session: the local view of it, made or found. A local
    // user of that name (or look) with another session is stale (the backplane decides): it is
    // replaced, and returned in Replaced so that its streams can be ended.
    public ChatUser Adopt(SharedUser shared, string? connectionKey, out IReadOnlyList<ChatUser> replaced, string? address = null)
    {
        var key = Usernames.Key(shared.Name);
        replaced = [];
        lock (_lock)
        {
            if (_byName.TryGetValue(key, out var existing) && existing.SessionToken == shared.SessionToken && !IsExpired(existing))
            {
                if (connectionKey is not null)
                {
                    _byConnection[connectionKey] = existing;
                }
                TouchLocked(existing);
                return existing;
            }
            replaced = [.. new[] { existing, _bySkeleton.GetValueOrDefault(Usernames.Skeleton(shared.Name)) }.OfType<ChatUser>().Distinct()];
            foreach (var stale in replaced)
            {
                Remove(stale);
            }

            var user = new ChatUser(shared.Id, shared.Name, shared.SessionToken, connectionKey ?? "", shared.OnlineSince, idleSince: timeProvider.GetTimestamp(), address);
            _byName.Add(key, user);
            TrackAddress(user);
            _bySkeleton.Add(Usernames.Skeleton(shared.Name), user);
            _byToken[user.SessionToken] = user;
            if (connectionKey is not null)
            {
                _byConnection[connectionKey] = user;
            }
            telemetry.UsersOnline.Add(1);
            return user;
        }
    }

    // A user whose session the backplane no longer holds.
    public void Forget(ChatUser user)
    {
        lock (_lock)
        {
            if (!user.Removed && _byName.GetValueOrDefault(Usernames.Key(user.Name)) == user)
            {
                Remove(user);
            }
        }
    }

    public ChatUser? FindByToken(string sessionToken) => Find(_byToken, sessionToken);

    public ChatUser? FindByConnection(string connectionKey) => Find(_byConnection, connectionKey);

    public ChatUser? FindByName(string username) => Find(_byName, Usernames.Key(username));

    // address: where the stream comes from (PeerAddress.Key), counted until CloseStream.
    public StreamOpenResult TryOpenStream(ChatUser user, string? address = null)
    {
        lock (_lock)
        {
            if (user.Removed || IsExpired(user))
            {
                return StreamOpenResult.Expired;
            }
            if (user.Streams >= _options.MaxStreamsPerUser)
            {
                return StreamOpenResult.LimitReached;
            }
            var fromAddress = address is null ? 0 : _streamsByAddress.GetValueOrDefault(address);
            if (fromAddress >= _options.MaxStreamsPerAddress)
            {
                return StreamOpenResult.AddressLimitReached;
            }
            if (address is not null)
            {
                _streamsByAddress[address] = fromAddress + 1;
            }
            user.Streams++;
            return StreamOpenResult.Opened;
        }
    }

    public void CloseStream(ChatUser user, string? address = null)
    {
        lock (_lock)
        {
            if (--user.Streams == 0)
            {
                user.IdleSince = timeProvider.GetTimestamp();
            }
            if (address is not null && --_streamsByAddress[address] == 0)
            {
                _streamsByAddress.Remove(address);
            }
        }
    }

    // Activity without a stream (a token-less sender, say) also keeps the name.
    public void Touch(ChatUser user)
    {
        lock (_lock)
        {
            TouchLocked(user);
        }
    }

    private void TouchLocked(ChatUser user)
    {
        if (user.Streams == 0)
        {
            user.IdleSince = timeProvider.GetTimestamp();
        }
    }

    public IReadOnlyList<ChatUser> Online()
    {
        lock (_lock)
        {
            return _byName.Values.Where(u => !IsExpired(u)).OrderBy(u => Usernames.Key(u.Name), StringComparer.Ordinal).ToArray();
        }
    }

    // The users with a Listen stream open here, and how many: one snapshot, in no order (a
    // shared room renews their names every sweep).
    public IReadOnlyList<(ChatUser User, int Streams)> Listening()
    {
        lock (_lock)
        {
            return [.. _byName.Values.Where(u => u.Streams > 0 && !u.Removed).Select(u => (u, u.Streams))];
        }
    }

    public int StreamsOf(ChatUser user)
    {
        lock (_lock)
        {
            return user.Streams;
        }
    }

    // Keeps the names online for the next start (NameReservations), when they have changed.
    public void SaveNames(bool force = false)
    {
        string[] names;
        lock (_lock)
        {
            if (!_namesChanged && !force)
            {
                return;
            }
            _namesChanged = false;
            names = [.. _byName.Values.Where(u => !IsExpired(u)).Select(u => u.Name)];
        }
        _reservations.Save(names);
    }

    public IReadOnlyList<ChatUser> RemoveExpired()
    {
        lock (_lock)
        {
            var expired = _byName.Values.Where(IsExpired).ToArray();
            foreach (var user in expired)
            {
                Remove(user);
            }
            return expired;
        }
    }

    private ChatUser? Find(Dictionary<string, ChatUser> index, string key)
    {
        lock (_lock)
        {
            return index.TryGetValue(key, out var user) && !IsExpired(user) ? user : null;
        }
    }

    // Whether the address holds its limit of users not expired, not counting the one of this name
    // key. Counted one by one only when the set (expired users included) has reached the limit.
    private bool AddressFull(string address, string exceptKey) =>
        _byAddress.TryGetValue(address, out var users)
        && users.Count >= _options.MaxUsersPerAddress
        && users.Count(u => !IsExpired(u) && Usernames.Key(u.Name) != exceptKey) >= _options.MaxUsersPerAddress;

    private void TrackAddress(ChatUser user)
    {
        if (user.Address is { } address)
        {
            if (!_byAddress.TryGetValue(address, out var users))
            {
                _byAddress[address] = users = [];
            }
            users.Add(user);
        }
    }

    private ChatUser? Holder(string key, string skeleton) =>
        _byName.GetValueOrDefault(key) ?? _bySkeleton.GetValueOrDefault(skeleton);

    private bool IsExpired(ChatUser user) =>
        user.Removed || (user.Streams == 0 && timeProvider.GetElapsedTime(user.IdleSince) > _options.ReconnectGracePeriod);

    private void Remove(ChatUser user)
    {
        user.Removed = true;
        _namesChanged = true;
        _byName.Remove(Usernames.Key(user.Name));
        _bySkeleton.Remove(Usernames.Skeleton(user.Name));
        _byToken.Remove(user.SessionToken);
        if (user.Address is { } address && _byAddress.TryGetValue(address, out var users) && users.Remove(user) && users.Count == 0)
        {
            _byAddress.Remove(address);
        }
        if (_byConnection.TryGetValue(user.ConnectionKey, out var bound) && bound == user)
        {
            _byConnection.Remove(user.ConnectionKey);
        }
        telemetry.UsersOnline.Add(-1);
    }
}
