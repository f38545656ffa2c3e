using System.Threading.Channels;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// Group commit: while one batch of this replica's messages is with Redis (its script run, the
// fsync of the append-only file, the PUBLISH), the messages sent meanwhile wait together for the
// next one. A busy replica pays one round trip, one fsync and one fan-in on every replica per
// batch rather than per message; an idle one sends each message at once, as before. Order is
// kept: batches go one at a time, and the script numbers a batch's messages in order.
internal sealed class PublishBatcher : IDisposable
{
    // A script's run blocks Redis: bounded, so that no batch holds it for long.
    public const int MaxBatch = 64;

    private readonly Channel<PendingPublish> _pending = Channel.CreateBounded<PendingPublish>(new BoundedChannelOptions(16 * MaxBatch)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
        // An idle batcher is woken on the sender's own thread, which then sends the batch at
        // once: no hop through the thread pool before the message leaves for Redis.
        AllowSynchronousContinuations = true,
    });
    private readonly Func<IReadOnlyList<PendingPublish>, Task<RedisResult[]>> _run;

    // run: the batch's script; its results are the messages', in order.
    public PublishBatcher(Func<IReadOnlyList<PendingPublish>, Task<RedisResult[]>> run)
    {
        _run = run;
        _ = Task.Run(RunAsync);
    }

    // The script's result for this message; what the batch's step raised, if it failed.
    public async Task<RedisResult> PublishAsync(PendingPublish message)
    {
        await _pending.Writer.WriteAsync(message);
        return await message.Task;
    }

    public void Dispose() => _pending.Writer.TryComplete();

    // Each caller's continuation runs here when its answer is set (the answer is not forced onto
    // another thread): cheap, since it only answers its gRPC call.
    private async Task RunAsync()
    {
        var batch = new List<PendingPublish>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                var results = await _run(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var message in batch)
                {
                    message.TrySetException(ex);
                }
            }
            batch.Clear();
        }
    }
}
