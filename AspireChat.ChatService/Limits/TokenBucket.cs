namespace AspireChat.ChatService.Limits;

// A token bucket that costs nothing while nobody takes from it: no timer refills it, a take works
// out the refill from the time elapsed. It keeps only the moment at which it is full again (the
// generic cell rate algorithm), so one compare-and-swap takes a token and the default value is a
// full bucket. Thread-safe.
internal struct TokenBucket
{
    // Timestamp (TimeProvider) at which every token taken so far has been refilled.
    private long _fullAt;

    public bool TryTake(BucketRate rate, long now)
    {
        while (true)
        {
            var fullAt = Volatile.Read(ref _fullAt);
            var next = Math.Max(fullAt, now) + rate.TokenTicks;
            if (next - now > rate.BurstTicks)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _fullAt, next, fullAt) == fullAt)
            {
                return true;
            }
        }
    }

    // Full: the same as a bucket never taken from.
    public bool IsFull(long now) => Volatile.Read(ref _fullAt) <= now;
}
