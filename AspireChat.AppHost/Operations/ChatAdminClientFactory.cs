using AspireChat.Conventions;
using AspireChat.Protocol.Admin;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace AspireChat.AppHost.Operations;

// Clients of chat's admin API (ChatAdmin) for the dashboard's commands: over chat's admin
// endpoint (Aspire's proxy, so any replica answers), each call carrying the admin key. One
// channel for the app's life, disposed with it.
internal sealed class ChatAdminClientFactory(EndpointReference adminEndpoint, ParameterResource adminKey) : IDisposable
{
    private readonly Lazy<GrpcChannel> _channel = new(() => GrpcChannel.ForAddress(adminEndpoint.Url));

    public async Task<ChatAdmin.ChatAdminClient> CreateClientAsync(CancellationToken cancellationToken)
    {
        var key = await adminKey.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The parameter {adminKey.Name} has no value.");
        var invoker = _channel.Value.Intercept(metadata =>
        {
            metadata.Add(ChatMetadata.AdminKeyHeader, key);
            return metadata;
        });
        return new ChatAdmin.ChatAdminClient(invoker);
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated)
        {
            _channel.Value.Dispose();
        }
    }
}
