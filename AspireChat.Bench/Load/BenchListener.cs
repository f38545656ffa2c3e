using System.Diagnostics;
using Grpc.Core;

namespace AspireChat.Bench.Load;

// One simulated listener: reads its stream to the end and checks that every sender's messages
// arrive in order, each once; optionally records each message's send-to-receive latency.
internal sealed class BenchListener
{
    private readonly long[] _lastFrom;
    private readonly List<double>? _latencies;
    private long _received;

    public BenchListener(IAsyncEnumerable<string> messages, int senders, bool recordLatency)
    {
        _lastFrom = new long[senders];
        _latencies = recordLatency ? [] : null;
        Completion = PumpAsync(messages);
    }

    public long Received => Interlocked.Read(ref _received);

    public long OutOfOrder { get; private set; }

    public long Duplicates { get; private set; }

    // Why the stream ended early, if it did (RESOURCE_EXHAUSTED: the server dropped it as too slow).
    public string? EndedBy { get; private set; }

    public Task Completion { get; }

    public IReadOnlyList<double> LatenciesMs => _latencies ?? [];

    private async Task PumpAsync(IAsyncEnumerable<string> messages)
    {
        try
        {
            await foreach (var text in messages)
            {
                var now = Stopwatch.GetTimestamp();
                if (!BenchText.TryParse(text, out var sentAt, out var sender, out var counter) || sender >= _lastFrom.Length)
                {
                    continue;
                }
                if (counter == _lastFrom[sender])
                {
                    Duplicates++;
                }
                else if (counter < _lastFrom[sender])
                {
                    OutOfOrder++;
                }
                else
                {
                    _lastFrom[sender] = counter;
                }
                _latencies?.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
                Interlocked.Increment(ref _received);
            }
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            EndedBy = ex.StatusCode.ToString();
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException)
        {
            // Closed by the bench.
        }
    }
}
