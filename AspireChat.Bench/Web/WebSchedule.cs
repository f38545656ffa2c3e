using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Web;

// One sender on a fixed schedule (open loop, as LatencyScenario's): message seq (from 1) is due
// (seq - 1) / rate seconds after the start, and carries its due time twice: as a Stopwatch
// timestamp in BenchText's form, for the gRPC listeners, and as unix milliseconds in the page's
// marker, for the pages. Both clocks are read together at the start.
internal sealed class WebSchedule
{
    private readonly double _rate;
    private readonly bool[] _accepted;
    private double _startUnixMs;

    public WebSchedule(double rate, long scheduled)
    {
        _rate = rate;
        _accepted = new bool[scheduled];
    }

    public SendCounts Sends { get; } = new();

    public long Scheduled => _accepted.Length;

    public double SentUnixMs(long seq) => _startUnixMs + (seq - 1) / _rate * 1000;

    public IEnumerable<long> AcceptedSeqs() => Enumerable.Range(1, _accepted.Length).Where(seq => _accepted[seq - 1]).Select(seq => (long)seq);

    public async Task SendAsync(Func<string, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        _startUnixMs = DateTime.UtcNow.Subtract(DateTime.UnixEpoch).TotalMilliseconds;
        for (var i = 0; i < _accepted.Length; i++)
        {
            var due = start + (long)(i / _rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var (index, seq) = (i, i + 1L);
            var text = BenchText.Create(0, seq, 0, due) + RenderedLines.Marker(seq, SentUnixMs(seq));
            inFlight.Add(Task.Run(() => Sends.SendAsync(async (t, token) => _accepted[index] = await send(t, token), text, cancellationToken), cancellationToken));
        }
        await Task.WhenAll(inFlight);
    }
}
