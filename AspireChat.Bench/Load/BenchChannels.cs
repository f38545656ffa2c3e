using Grpc.Net.Client;

namespace AspireChat.Bench.Load;

internal static class BenchChannels
{
    // More than 100 streams (Kestrel's limit per connection) need more connections: the handler opens them.
    public static GrpcChannel Create(Uri server) => GrpcChannel.ForAddress(server, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        },
        DisposeHttpClient = true,
    });
}
