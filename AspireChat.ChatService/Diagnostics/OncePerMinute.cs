using AspireChat.ChatService.Limits;

namespace AspireChat.ChatService.Diagnostics;

// One log line per key (an address) per minute, however often it is refused meanwhile: a client
// repeating what is refused cannot flood the log. Nothing runs between calls; a key is forgotten
// once its minute is over (KeyedTokenBuckets).
internal sealed class OncePerMinute(TimeProvider? timeProvider = null)
{
    private readonly KeyedTokenBuckets _lines = new(
        BucketRate.Of(burst: 1, perPeriod: 1, TimeSpan.FromMinutes(1), timeProvider ?? TimeProvider.System), timeProvider ?? TimeProvider.System);

    // Whether a line about this key may be written now.
    public bool TryTake(string key) => _lines.TryTake(key);
}
