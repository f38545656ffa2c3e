using System.Diagnostics;
using Grpc.Core;

namespace AspireChat.Bench.Load;

// One simulated listener: reads its stream to the end and keeps, per sender, which message
// numbers arrived, so that every loss, duplicate and reordering is counted exactly; optionally
// records each message's latency from its scheduled send time.
internal sealed class BenchListener
{
    private readonly Lock _lock = new();
    // Made at a sender's first message: with direct messages, a listener hears from few of many.
    private readonly ReceivedSet?[] _from;
    private readonly List<double>? _latencies;
    private long _unique;

    public BenchListener(IAsyncEnumerable<string> messages, int senders, bool recordLatency)
    {
        _from = new ReceivedSet?[senders];
        _latencies = recordLatency ? [] : null;
        Completion = PumpAsync(messages);
    }

    // Distinct messages received, from all senders.
    public long Unique => Interlocked.Read(ref _unique);

    public long Duplicates { get; private set; }

    // Arrived after a later message of the same sender.
    public long OutOfOrder { get; private set; }

    // Why the stream ended early, if it did (RESOURCE_EXHAUSTED: the server dropped it as too slow).
    public string? EndedBy { get; private set; }

    public Task Completion { get; }

    public IReadOnlyList<double> LatenciesMs => _latencies ?? [];

    // Whether this sender's message with this number arrived.
    public bool Has(int sender, long counter)
    {
        lock (_lock)
        {
            return _from[sender]?.Contains(counter) == true;
        }
    }

    private async Task PumpAsync(IAsyncEnumerable<string> messages)
    {
        try
        {
            await foreach (var text in messages)
            {
                var now = Stopwatch.GetTimestamp();
                if (!BenchText.TryParse(text, out var sentAt, out var sender, out var counter) || sender >= _from.Length)
                {
                    continue;
                }
                lock (_lock)
                {
                    switch ((_from[sender] ??= new()).Add(counter))
                    {
                        case Arrival.Duplicate:
                            Duplicates++;
                            continue;
                        case Arrival.Late:
                            OutOfOrder++;
                            break;
                    }
                    Interlocked.Increment(ref _unique);
                }
                _latencies?.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
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

    private enum Arrival
    {
        InOrder,
        Late,
        Duplicate,
    }

    // A sender's message numbers seen so far, as a growing bit set.
    private sealed class ReceivedSet
    {
        private readonly List<ulong> _bits = [];
        private long _highest;

        public bool Contains(long counter)
        {
            var word = (int)(counter >> 6);
            return word < _bits.Count && (_bits[word] & (1UL << (int)(counter & 63))) != 0;
        }

        public Arrival Add(long counter)
        {
            var (word, bit) = ((int)(counter >> 6), 1UL << (int)(counter & 63));
            while (_bits.Count <= word)
            {
                _bits.Add(0);
            }
            if ((_bits[word] & bit) != 0)
            {
                return Arrival.Duplicate;
            }
            _bits[word] |= bit;
            var late = counter < _highest;
            _highest = Math.Max(_highest, counter);
            return late ? Arrival.Late : Arrival.InOrder;
        }
    }
}
