using System.Threading.RateLimiting;

namespace AspireChat.ChatService.Diagnostics;

// One log line per key (an address) per minute, however often it is refused meanwhile: a client
// repeating what is refused cannot flood the log. Idle keys are dropped by the limiter itself.
internal sealed class OncePerMinute : IDisposable
{
    private readonly PartitionedRateLimiter<string> _lines = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        }));

    // Whether a line about this key may be written now.
    public bool TryTake(string key)
    {
        using var lease = _lines.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _lines.Dispose();
}
