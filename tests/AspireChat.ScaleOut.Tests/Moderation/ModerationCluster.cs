using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.ScaleOut.Tests.Moderation;

// Two replicas on one redis-server, each with the operator's API (ChatAdmin) on an endpoint of its
// own and a name of its own (Chat:ReplicaName), as Aspire gives each replica of a scaled-out chat.
// Started once for the Moderation collection; tests take names of their own.
public sealed class ModerationCluster : IAsyncLifetime
{
    public const string AdminKey = "moderation-tests-admin-key";

    public static readonly string[] ReplicaNames = ["chat-replica-a", "chat-replica-b"];

    private readonly List<(ChatServiceProcess Process, Uri Admin)> _replicas = [];
    private RedisServerProcess? _redis;

    public RedisServerProcess Redis => _redis ?? throw new InvalidOperationException("The cluster did not start.");

    public async Task InitializeAsync() => await StartAsync().StartupTimeout();

    // A connection of its own to one replica's chat port.
    public ChatTestClient Connect(int replica) => new(Channel(replica));

    public GrpcChannel Channel(int replica) => GrpcChannel.ForAddress(_replicas[replica].Process.GrpcAddress);

    public async Task<ChatTestClient> RegisterAsync(int replica, string username)
    {
        var client = Connect(replica);
        var response = await client.AddUserAsync(username);
        Assert.True(response.Code == MessageResponse.Types.Code.Added, $"{username} on replica {replica}: {response.Code} {response.Msg}");
        return client;
    }

    // The operator's client of one replica's admin endpoint; the caller disposes the channel.
    public (ChatAdmin.ChatAdminClient Client, GrpcChannel Channel) Admin(int replica)
    {
        var channel = GrpcChannel.ForAddress(_replicas[replica].Admin);
        return (new ChatAdmin.ChatAdminClient(channel), channel);
    }

    public static CallOptions WithKey() => new(new Metadata { { ChatMetadata.AdminKeyHeader, AdminKey } }, DateTime.UtcNow + TimeoutExtensions.DefaultTimeoutSpan);

    public async Task DisposeAsync()
    {
        foreach (var (process, _) in _replicas)
        {
            await process.DisposeAsync();
        }
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    // One after another: a cold start of two at once is slow on two cores.
    private async Task StartAsync()
    {
        _redis = await RedisServerProcess.StartNewAsync();
        foreach (var name in ReplicaNames)
        {
            var admin = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var process = new ChatServiceProcess(ChatCluster.ReplicaSettings(_redis, new Dictionary<string, string>
            {
                ["Chat:AdminKey"] = AdminKey,
                ["Chat:ReplicaName"] = name,
                ["Kestrel:Endpoints:admin:Url"] = admin.ToString(),
                // Streams are renewed every 2.5 s (a quarter of it).
                ["Chat:ReconnectGracePeriod"] = "00:00:10",
            }));
            _replicas.Add((process, admin));
            await process.StartAsync();
        }
    }
}
