using System.Threading.RateLimiting;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// The limits that hold whatever names a client uses: registrations and messages per connection
// and per remote address, ListUsers per address (token buckets), and presence notices
// room-wide. Each refusal says which limit it met. A refused call may still have spent a token of
// a limit checked before it.
public sealed class FloodLimits : IDisposable
{
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<string> _registrationsByConnection;
    private readonly PartitionedRateLimiter<string> _registrationsByAddress;
    private readonly PartitionedRateLimiter<string> _messagesByConnection;
    private readonly PartitionedRateLimiter<string> _messagesByAddress;
    private readonly PartitionedRateLimiter<string> _listingsByAddress;
    private readonly TokenBucketRateLimiter _presenceNotices;

    public FloodLimits(ChatOptions options)
    {
        _registrationsByConnection = Buckets(options.RegistrationBurstPerConnection, options.RegistrationsPerConnectionPerMinute, s_minute);
        _registrationsByAddress = Buckets(options.RegistrationBurstPerAddress, options.RegistrationsPerAddressPerMinute, s_minute);
        _messagesByConnection = Buckets(options.MessageBurstPerConnection, options.MessagesPerSecondPerConnection, s_second);
        _messagesByAddress = Buckets(options.MessageBurstPerAddress, options.MessagesPerSecondPerAddress, s_second);
        _listingsByAddress = Buckets(options.ListUsersBurstPerAddress, options.ListUsersPerSecondPerAddress, s_second);
        _presenceNotices = new TokenBucketRateLimiter(Bucket(options.PresenceNoticeBurst, options.PresenceNoticesPerSecond, s_second, autoReplenish: true));
    }

    // Null when allowed; otherwise the answer for the caller.
    public string? TryRegister(CallOrigin origin) =>
        !TryAcquire(_registrationsByConnection, origin.ConnectionId) ? "Too many registrations on this connection; wait a minute and try again."
        : !TryAcquire(_registrationsByAddress, origin.Address) ? "Too many registrations from your network address; wait a minute and try again."
        : null;

    public string? TrySend(CallOrigin origin) =>
        !TryAcquire(_messagesByConnection, origin.ConnectionId) ? "Slow down: too many messages on this connection."
        : !TryAcquire(_messagesByAddress, origin.Address) ? "Slow down: too many messages from your network address."
        : null;

    public string? TryListUsers(CallOrigin origin) =>
        !TryAcquire(_listingsByAddress, origin.Address) ? "Too many ListUsers calls from your network address; wait a second and try again." : null;

    public bool TryNotifyPresence()
    {
        using var lease = _presenceNotices.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _registrationsByConnection.Dispose();
        _registrationsByAddress.Dispose();
        _messagesByConnection.Dispose();
        _messagesByAddress.Dispose();
        _listingsByAddress.Dispose();
        _presenceNotices.Dispose();
    }

    private static bool TryAcquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Buckets(int burst, int perPeriod, TimeSpan period) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(burst, perPeriod, period, autoReplenish: false)));

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perPeriod, TimeSpan period, bool autoReplenish) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = autoReplenish,
    };
}
