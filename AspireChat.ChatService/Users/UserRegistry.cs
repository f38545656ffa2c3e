using System.Security.Cryptography;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.Conventions;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Users;

// Who is online. A user stays online while it has a Listen stream, plus the reconnect grace
// period after its last stream ends (or after it registered, if it never listened); past that it
// is expired: invisible to every look-up at once, removed by the next sweep or registration.
public sealed class UserRegistry(IOptions<ChatOptions> options, TimeProvider timeProvider, ChatTelemetry telemetry, SessionTokens? tokens = null, NameReservations? reservations = null)
{
    private readonly SessionTokens _tokens = tokens ?? new SessionTokens(RandomNumberGenerator.GetBytes(ChatOptions.MinimumTokenKeyBytes));
    private readonly NameReservations _reservations = reservations ?? NameReservations.None;
    private bool _namesChanged;
    private readonly Lock _lock = new();
    private readonly UserIndex _index = new();
    private readonly ChatOptions _options = options.Value;
    private readonly StreamCounts _streams = new(options.Value);
    private long _lastId;

    // username must already be normalised (Usernames.TryNormalize). A name taken
    // case-insensitively, or confusable with one online (the same UTS #39 skeleton), is refused;
    // so is a new user from an address (PeerAddress.Key) that holds as many as it may.
    public Registration Register(string username, string? sessionToken, string connectionKey, string? address = null)
    {
        var key = Usernames.Key(username);
        lock (_lock)
        {
            if (TryMakeRoom(username, sessionToken, connectionKey, out var expired) is { } refusedOrAgain)
            {
                return refusedOrAgain;
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

            var user = new ChatUser(++_lastId, username, ownersToken ?? _tokens.Issue(username), connectionKey, timeProvider.GetUtcNow(), idleSince: timeProvider.GetTimestamp(), address);
            Add(user, connectionKey);
            return new Registration(user, IsNew: true, Expired: expired);
        }
    }

    // Whether a new user from this address would be one too many here (a user of this very name
    // already counts).
    public bool IsAddressFull(string address, string username)
    {
        lock (_lock)
        {
            return AddressFull(address, exceptKey: Usernames.Key(username));
        }
    }

    // A name a shared store holds for this session: the local view of it, made or found. A local
    // user of that name (or look) with another session is stale (the store decides): it is
    // replaced, and returned in Replaced so that its streams can be ended.
    public ChatUser Adopt(SharedUser shared, string? connectionKey, out IReadOnlyList<ChatUser> replaced, string? address = null)
    {
        replaced = [];
        lock (_lock)
        {
            if (_index.ByName(Usernames.Key(shared.Name)) is { } existing && existing.SessionToken == shared.SessionToken && !IsExpired(existing))
            {
                // Only to the connection that registered it: that binding is undone with the
                // user, any other would outlive it (a front end's registrations each have a key).
                if (connectionKey is not null && connectionKey == existing.ConnectionKey)
                {
                    _index.BindConnection(connectionKey, existing);
                }
                TouchLocked(existing);
                return existing;
            }
            replaced = _index.HoldersOf(shared.Name);
            foreach (var stale in replaced)
            {
                Remove(stale);
            }

            var user = new ChatUser(shared.Id, shared.Name, shared.SessionToken, connectionKey ?? "", shared.OnlineSince, idleSince: timeProvider.GetTimestamp(), address);
            Add(user, connectionKey);
            return user;
        }
    }

    // A user whose session the shared store no longer holds.
    public void Forget(ChatUser user)
    {
        lock (_lock)
        {
            if (!user.Removed && _index.ByName(Usernames.Key(user.Name)) == user)
            {
                Remove(user);
            }
        }
    }

    // Static lambdas: a look-up allocates nothing.
    public ChatUser? FindByToken(string sessionToken) => Find(static (index, token) => index.ByToken(token), sessionToken);

    public ChatUser? FindByConnection(string connectionKey) => Find(static (index, connection) => index.ByConnection(connection), connectionKey);

    public ChatUser? FindByName(string username) => Find(static (index, key) => index.ByName(key), Usernames.Key(username));

    // address: where the stream comes from (PeerAddress.Key), counted until CloseStream.
    public StreamOpenResult TryOpenStream(ChatUser user, string? address = null)
    {
        lock (_lock)
        {
            var opened = IsExpired(user) ? StreamOpenResult.Expired : _streams.TryOpen(user, address);
            _index.StreamsChanged(user);
            return opened;
        }
    }

    // Returns the user's streams still open.
    public int CloseStream(ChatUser user, string? address = null)
    {
        lock (_lock)
        {
            _streams.Close(user, address);
            TouchLocked(user);
            _index.StreamsChanged(user);
            return user.Streams;
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

    public IReadOnlyList<ChatUser> Online()
    {
        lock (_lock)
        {
            return _index.All.Where(u => !IsExpired(u)).OrderBy(u => Usernames.Key(u.Name), StringComparer.Ordinal).ToArray();
        }
    }

    // The users with a Listen stream open here, and how many: one snapshot, in no order (a
    // shared room renews their names every sweep).
    public IReadOnlyList<(ChatUser User, int Streams)> Listening()
    {
        lock (_lock)
        {
            return [.. _index.All.Where(u => u.Streams > 0 && !u.Removed).Select(u => (u, u.Streams))];
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
            names = [.. _index.All.Where(u => !IsExpired(u)).Select(u => u.Name)];
        }
        _reservations.Save(names);
    }

    public IReadOnlyList<ChatUser> RemoveExpired()
    {
        lock (_lock)
        {
            var expired = _index.WithoutStream.Where(IsExpired).ToArray();
            foreach (var user in expired)
            {
                Remove(user);
            }
            return expired;
        }
    }

    // Under the lock. Removes the expired holders of the name (or its look); the result when the
    // name is another caller's (refused) or this very caller's again (a retry keeps its session);
    // null when the name is free now.
    private Registration? TryMakeRoom(string username, string? sessionToken, string connectionKey, out ChatUser? expired)
    {
        var key = Usernames.Key(username);
        var skeleton = Usernames.Skeleton(username);
        expired = null;
        while (_index.Holder(key, skeleton) is { } existing)
        {
            if (!IsExpired(existing))
            {
                var again = Usernames.Key(existing.Name) == key && ((sessionToken is not null && sessionToken == existing.SessionToken) || connectionKey == existing.ConnectionKey);
                return new Registration(again ? existing : null, IsNew: false, Expired: null);
            }
            Remove(existing);
            expired ??= existing;
        }
        return null;
    }

    private ChatUser? Find(Func<UserIndex, string, ChatUser?> lookUp, string key)
    {
        lock (_lock)
        {
            return lookUp(_index, key) is { } user && !IsExpired(user) ? user : null;
        }
    }

    // Whether the address holds its limit of users not expired, not counting the one of this name key.
    private bool AddressFull(string address, string exceptKey) =>
        _index.FromAddressAtLeast(address, _options.MaxUsersPerAddress, u => !IsExpired(u) && Usernames.Key(u.Name) != exceptKey);

    private void TouchLocked(ChatUser user)
    {
        if (user.Streams == 0)
        {
            user.IdleSince = timeProvider.GetTimestamp();
        }
    }

    private bool IsExpired(ChatUser user) =>
        user.Removed || (user.Streams == 0 && timeProvider.GetElapsedTime(user.IdleSince) > _options.ReconnectGracePeriod);

    private void Add(ChatUser user, string? connectionKey)
    {
        _index.Add(user, connectionKey);
        _namesChanged = true;
        telemetry.UsersOnline.Add(1);
    }

    private void Remove(ChatUser user)
    {
        user.Removed = true;
        _namesChanged = true;
        _index.Remove(user);
        telemetry.UsersOnline.Add(-1);
    }
}
