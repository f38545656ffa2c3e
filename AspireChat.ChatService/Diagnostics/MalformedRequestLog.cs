namespace AspireChat.ChatService.Diagnostics;

// Malformed requests cost any client nothing to send, so they are counted (chat.requests.malformed)
// and logged at most once per interval: one line, no stack trace, with how many more arrived since
// the last line.
public sealed class MalformedRequestLog(ChatTelemetry telemetry, TimeProvider timeProvider, ILogger<MalformedRequestLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private long _lastLogged = long.MinValue;
    private long _unlogged;

    public void Report(string method, string peer, string reason)
    {
        telemetry.MalformedRequests.Add(1);
        long suppressed;
        lock (_lock)
        {
            var now = timeProvider.GetTimestamp();
            if (_lastLogged != long.MinValue && timeProvider.GetElapsedTime(_lastLogged, now) < Interval)
            {
                _unlogged++;
                return;
            }
            _lastLogged = now;
            suppressed = _unlogged;
            _unlogged = 0;
        }
        ChatLog.MalformedRequest(logger, LogText.Escape(method), LogText.Escape(peer), LogText.Escape(reason), suppressed);
    }
}
