using AspireChat.Bench.Protocol;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.Bench.Load;

// The bare fan-out service, reached the same way as the chat service in AspireChat mode.
internal sealed class CeilingTarget(Uri server) : IFanOutTarget
{
    private readonly GrpcChannel _channel = BenchChannels.Create(server);
    private readonly List<IDisposable> _calls = [];

    public const string ServerName = "ceiling (bare gRPC fan-out)";

    public string Name => ServerName;

    public async Task<BenchListener> ListenAsync(int index, int senders, bool recordLatency, CancellationToken cancellationToken)
    {
        var call = new Ceiling.CeilingClient(_channel).Subscribe(new SubscribeRequest(), cancellationToken: cancellationToken);
        lock (_calls)
        {
            _calls.Add(call);
        }
        await call.ResponseHeadersAsync;
        return new BenchListener(call.ResponseStream.ReadAllAsync(cancellationToken).Select(p => p.Text), senders, recordLatency);
    }

    public Task<Func<string, CancellationToken, Task<bool>>> SenderAsync(int index, CancellationToken cancellationToken)
    {
        var client = new Ceiling.CeilingClient(_channel);
        return Task.FromResult<Func<string, CancellationToken, Task<bool>>>(async (text, token) =>
        {
            await client.PublishAsync(new Payload { Text = text }, cancellationToken: token);
            return true;
        });
    }

    public ValueTask DisposeAsync()
    {
        lock (_calls)
        {
            foreach (var call in _calls)
            {
                call.Dispose();
            }
        }
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }
}
