using AspireChat.Protocol;
using Grpc.Net.Client;

namespace AspireChat.Client.Connection;

// The one gRPC channel of a ChatClient, opened at its first call where the resolver says.
internal sealed class ChatChannel(ChatEndpointResolver endpoints, ChatClientOptions options) : IDisposable
{
    private readonly Lock _lock = new();
    private GrpcChannel? _channel;
    private Chat.ChatClient? _grpc;

    public Uri? Endpoint { get; private set; }

    public async ValueTask<Chat.ChatClient> GetClientAsync(CancellationToken cancellationToken)
    {
        if (_grpc is { } existing)
        {
            return existing;
        }

        var endpoint = await endpoints.ResolveAsync(cancellationToken);
        lock (_lock)
        {
            if (_grpc is null)
            {
                Endpoint = endpoint;
                _channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions { HttpHandler = CreateHandler() });
                _grpc = new Chat.ChatClient(_channel);
            }
            return _grpc;
        }
    }

    public void Dispose() => _channel?.Dispose();

    // A handler of its own, not an IHttpClientFactory client: the standard resilience handler's
    // timeouts would end a Listen stream that is meant to last.
    private SocketsHttpHandler CreateHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = options.KeepAlivePingDelay,
        KeepAlivePingTimeout = options.KeepAlivePingTimeout,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
