using System.Net;
using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace AspireChat.Client.Connection;

/// <summary>
/// One gRPC channel to the chat service, opened at its first call where the resolver says, and
/// shared by every <see cref="ChatClient"/> created over it: HTTP/2 multiplexes their calls, so a
/// front end that serves many people (each their own chat user) needs one connection, not one each.
/// </summary>
/// <remarks>Registered by <c>AddChatClient</c> as a singleton.</remarks>
/// <param name="endpoints">Where the chat service is.</param>
/// <param name="options">Keepalive, reconnect delays and the front end's key (the "ChatClient" section).</param>
public sealed class ChatConnection(ChatEndpointResolver endpoints, IOptions<ChatClientOptions> options) : IDisposable
{
    private readonly Lock _lock = new();
    private GrpcChannel? _channel;
    private Chat.ChatClient? _grpc;

    /// <summary>The service's address, once the first call has resolved it; otherwise null.</summary>
    public Uri? Endpoint { get; private set; }

    internal ChatClientOptions Options { get; } = options.Value;

    /// <summary>Closes the channel: calls of every client over it fail from then on.</summary>
    public void Dispose() => _channel?.Dispose();

    internal async ValueTask<Chat.ChatClient> GetClientAsync(CancellationToken cancellationToken)
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

    // A call's metadata: the caller's session, and from a front end, the person it calls for.
    internal Metadata CallHeaders(string? sessionToken, IPAddress? forwardedFor)
    {
        var headers = new Metadata();
        if (sessionToken is not null)
        {
            headers.Add(ChatMetadata.SessionTokenHeader, sessionToken);
        }
        if (forwardedFor is not null)
        {
            headers.Add(ChatMetadata.ForwardedForHeader, forwardedFor.ToString());
            headers.Add(ChatMetadata.FrontEndKeyHeader, Options.FrontEndKey ?? throw new InvalidOperationException("ForwardedFor needs ChatClient:FrontEndKey, the key the service trusts its front end by."));
        }
        return headers;
    }

    // A handler of its own, not an IHttpClientFactory client: the standard resilience handler's
    // timeouts would end a Listen stream that is meant to last. Past the service's streams per
    // connection it opens another connection.
    private SocketsHttpHandler CreateHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = Options.KeepAlivePingDelay,
        KeepAlivePingTimeout = Options.KeepAlivePingTimeout,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
