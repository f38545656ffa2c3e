using System.Runtime.InteropServices;

namespace AspireChat.ChatService.Limits;

// Token buckets by key (a connection, an address), made at a key's first take and forgotten once
// full again, since a full bucket is the same as none: at every Sweep, and whenever the keys have
// doubled since the last look, so many keys from a hostile client are kept only while they
// refill, and nothing at all is kept or run while nobody takes.
internal sealed class KeyedTokenBuckets(BucketRate rate, TimeProvider timeProvider)
{
    private const int MinimumSweepCount = 64;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private int _sweepAt = MinimumSweepCount;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    public bool TryTake(string key)
    {
        var now = timeProvider.GetTimestamp();
        lock (_lock)
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets, key, out var existed);
            var taken = bucket.TryTake(rate, now);
            if (!existed && _buckets.Count >= _sweepAt)
            {
                SweepLocked(now);
            }
            return taken;
        }
    }

    public void Sweep()
    {
        var now = timeProvider.GetTimestamp();
        lock (_lock)
        {
            SweepLocked(now);
        }
    }

    private void SweepLocked(long now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsFull(now))
            {
                _buckets.Remove(key);
            }
        }
        // A flood's table shrinks with it.
        if (_buckets.Count < _buckets.EnsureCapacity(0) / 4)
        {
            _buckets.TrimExcess();
        }
        _sweepAt = Math.Max(MinimumSweepCount, 2 * _buckets.Count);
    }
}
