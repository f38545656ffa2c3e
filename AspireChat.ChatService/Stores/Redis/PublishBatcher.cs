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
        if (!_pending.Writer.TryWrite(message))
        {
            try
            {
                await _pending.Writer.WriteAsync(message);
            }
            catch (ChannelClosedException)
            {
                // The service is stopping: the message never left.
                throw NotSent("The service is stopping.");
            }
        }
        return await message.Task;
    }

    public void Dispose() => _pending.Writer.TryComplete();

    // Each caller's continuation runs here when its answer is set (the answer is not forced onto
    // another thread): it answers its gRPC call, at most after a short lock (a session found gone
    // ends its streams), and never blocks.
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
                FailQueued();
            }
            batch.Clear();
        }
    }

    // Redis failed (away, stalled past the client's timeout, out of memory): the messages queued
    // behind the batch are refused now, as not sent, rather than each waiting out a timeout of
    // its own, one batch after another.
    private void FailQueued()
    {
        var notSent = NotSent("The batch before this message failed.");
        while (_pending.Reader.TryRead(out var queued))
        {
            queued.TrySetException(notSent);
        }
    }

    private static RedisConnectionException NotSent(string why) =>
        new(ConnectionFailureType.UnableToConnect, $"Not sent to Redis: {why}", null, CommandStatus.WaitingToBeSent);
}
