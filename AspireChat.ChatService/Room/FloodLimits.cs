using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Limits;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// The limits that hold whatever names a client uses: registrations and messages per connection
// and per remote address, ListUsers per address (token buckets), and presence notices
// room-wide. Each refusal says which limit it met. A refused call may still have spent a token of
// a limit checked before it. The buckets are worked out when used (no timer runs while nobody
// calls), and a connection's or address's is forgotten once full again (Sweep).
public sealed class FloodLimits
{
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);

    private readonly KeyedTokenBuckets _registrationsByConnection;
    private readonly KeyedTokenBuckets _registrationsByAddress;
    private readonly KeyedTokenBuckets _messagesByConnection;
    private readonly KeyedTokenBuckets _messagesByAddress;
    private readonly KeyedTokenBuckets _listingsByAddress;
    private readonly BucketRate _presenceRate;
    private readonly TimeProvider _timeProvider;
    private TokenBucket _presenceNotices;

    public FloodLimits(ChatOptions options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _registrationsByConnection = Buckets(options.RegistrationBurstPerConnection, options.RegistrationsPerConnectionPerMinute, s_minute);
        _registrationsByAddress = Buckets(options.RegistrationBurstPerAddress, options.RegistrationsPerAddressPerMinute, s_minute);
        _messagesByConnection = Buckets(options.MessageBurstPerConnection, options.MessagesPerSecondPerConnection, s_second);
        _messagesByAddress = Buckets(options.MessageBurstPerAddress, options.MessagesPerSecondPerAddress, s_second);
        _listingsByAddress = Buckets(options.ListUsersBurstPerAddress, options.ListUsersPerSecondPerAddress, s_second);
        _presenceRate = BucketRate.Of(options.PresenceNoticeBurst, options.PresenceNoticesPerSecond, s_second, timeProvider);
    }

    // Null when allowed; otherwise the answer for the caller.
    public string? TryRegister(CallOrigin origin) =>
        !_registrationsByConnection.TryTake(origin.ConnectionId) ? "Too many registrations on this connection; wait a minute and try again."
        : !_registrationsByAddress.TryTake(origin.Address) ? "Too many registrations from your network address; wait a minute and try again."
        : null;

    public string? TrySend(CallOrigin origin) =>
        !_messagesByConnection.TryTake(origin.ConnectionId) ? "Slow down: too many messages on this connection."
        : !_messagesByAddress.TryTake(origin.Address) ? "Slow down: too many messages from your network address."
        : null;

    public string? TryListUsers(CallOrigin origin) =>
        !_listingsByAddress.TryTake(origin.Address) ? "Too many ListUsers calls from your network address; wait a second and try again." : null;

    public bool TryNotifyPresence() => _presenceNotices.TryTake(_presenceRate, _timeProvider.GetTimestamp());

    // The buckets of connections and addresses that have refilled are forgotten: whoever comes
    // back starts with a full one, as it would have.
    public void Sweep()
    {
        _registrationsByConnection.Sweep();
        _registrationsByAddress.Sweep();
        _messagesByConnection.Sweep();
        _messagesByAddress.Sweep();
        _listingsByAddress.Sweep();
    }

    private KeyedTokenBuckets Buckets(int burst, int perPeriod, TimeSpan period) =>
        new(BucketRate.Of(burst, perPeriod, period, _timeProvider), _timeProvider);
}
