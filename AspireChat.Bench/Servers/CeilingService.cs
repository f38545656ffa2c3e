using System.Threading.Channels;
using AspireChat.Bench.Protocol;
using Grpc.Core;

namespace AspireChat.Bench.Servers;

// The ceiling: the chat service's fan-out shape (a bounded queue per subscriber, one writer per
// stream, publishers never wait) and nothing else: no users, rules, history, logs or telemetry.
internal sealed class CeilingService : Ceiling.CeilingBase
{
    private const int QueueCapacity = 1000;
    private readonly Lock _lock = new();
    private readonly List<Channel<Payload>> _subscribers = [];
    private long _sequence;

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<Payload> responseStream, ServerCallContext context)
    {
        var queue = Channel.CreateBounded<Payload>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
        lock (_lock)
        {
            _subscribers.Add(queue);
        }
        try
        {
            await context.WriteResponseHeadersAsync([]);
            await foreach (var payload in queue.Reader.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(payload, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.Remove(queue);
            }
        }
    }

    public override Task<PublishResponse> Publish(Payload request, ServerCallContext context)
    {
        lock (_lock)
        {
            var payload = new Payload { Text = request.Text, Sequence = ++_sequence };
            foreach (var subscriber in _subscribers)
            {
                // A full queue ends the subscriber, as the chat service drops a listener that falls behind.
                if (!subscriber.Writer.TryWrite(payload))
                {
                    subscriber.Writer.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted, "too slow")));
                }
            }
            return Task.FromResult(new PublishResponse { Sequence = payload.Sequence });
        }
    }
}
