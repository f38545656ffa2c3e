using System.Globalization;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Stores.Redis;

namespace AspireChat.ChatService.Diagnostics;

// Whether Redis is away, as every path that uses it finds out: the backplane's receiver, the
// sweeps, the health check. They all report here, so an outage is a few lines in the log however
// many paths notice it and however often they try: a warning when it starts, a line a minute while
// it lasts, one when it is over; the reason in a few words, never a stack trace. Redis out of
// memory answers reads, so it is no outage: a line a minute says it while writes are refused.
public sealed class RedisOutage(TimeProvider time, ILogger<RedisOutage> logger)
{
    private const string OutOfMemoryKey = "out-of-memory";
    private static readonly TimeSpan s_reminder = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private readonly OncePerMinute _outOfMemory = new();
    private DateTimeOffset? _since;
    private volatile bool _away;
    private DateTimeOffset _lastLine;
    private string _reason = "";

    // One line for a health report while Redis is away; null while it answers.
    public string? Status
    {
        get
        {
            lock (_lock)
            {
                return _since is { } since ? $"Redis is away since {Clock(since)} UTC: {_reason}" : null;
            }
        }
    }

    public void Failed(StoreUnavailableException ex)
    {
        var reason = RedisFailures.Reason(ex);
        if (ex.IsOutOfMemory)
        {
            if (_outOfMemory.TryTake(OutOfMemoryKey))
            {
                BackplaneLog.OutOfMemory(logger, reason);
            }
            return;
        }
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _reason = reason;
            if (_since is not { } since)
            {
                _since = _lastLine = now;
                _away = true;
                BackplaneLog.Away(logger, reason);
            }
            else if (now - _lastLine >= s_reminder)
            {
                _lastLine = now;
                BackplaneLog.StillAway(logger, Clock(since), reason);
            }
        }
    }

    // Redis answered: the end of the outage, if there was one. Cheap when there was none, as it
    // is called after every step that reached Redis.
    public void Answered()
    {
        if (!_away)
        {
            return;
        }
        lock (_lock)
        {
            if (_since is { } since)
            {
                _since = null;
                _away = false;
                BackplaneLog.Back(logger, (time.GetUtcNow() - since).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
            }
        }
    }

    private static string Clock(DateTimeOffset instant) => instant.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
