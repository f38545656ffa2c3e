using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace AspireChat.ScaleOut.Tests;

// A scaled-out deployment: one redis-server and chat service replicas on it, each a real process
// on ports of its own. The replicas share one token key, as a deployment's replicas share their
// configuration; every limit a test could meet from one address is lifted.
public sealed class ChatCluster : IAsyncDisposable
{
    // One key for every replica a test starts, as one deployment's replicas share theirs.
    private static readonly string s_tokenKey = TokenKeys.New();

    private readonly List<ChatServiceProcess> _replicas;
    private readonly ITestOutputHelper? _output;

    private ChatCluster(RedisServerProcess redis, List<ChatServiceProcess> replicas, ITestOutputHelper? output)
    {
        Redis = redis;
        _replicas = replicas;
        _output = output;
    }

    public RedisServerProcess Redis { get; }

    public IReadOnlyList<ChatServiceProcess> Replicas => _replicas;

    // Replicas start one after another: a cold start of three at once is slow on two cores.
    // Given a test's output, the processes' own output goes there when the cluster is disposed.
    public static async Task<ChatCluster> StartAsync(int replicas, IReadOnlyDictionary<string, string>? settings = null, ITestOutputHelper? output = null)
    {
        var redis = await RedisServerProcess.StartNewAsync();
        var cluster = new ChatCluster(redis, [], output);
        try
        {
            var replicaSettings = ReplicaSettings(redis, settings);
            for (var i = 0; i < replicas; i++)
            {
                var replica = new ChatServiceProcess(replicaSettings);
                cluster._replicas.Add(replica);
                await replica.StartAsync();
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // A connection of its own to one replica.
    public GrpcChannel Channel(int replica) => GrpcChannel.ForAddress(_replicas[replica].GrpcAddress);

    public ChatTestClient Connect(int replica) => new(Channel(replica));

    public async Task<ChatTestClient> RegisterAsync(int replica, string username)
    {
        var client = Connect(replica);
        var response = await client.AddUserAsync(username);
        Assert.True(response.Code == MessageResponse.Types.Code.Added, $"{username} on replica {replica}: {response.Code} {response.Msg}");
        return client;
    }

    // SIGKILL: the replica gets no chance to tell Redis or its clients anything.
    public Task KillReplicaAsync(int replica) => _replicas[replica].StopAsync();

    // What every replica wrote (the last lines), for a failure message.
    public string Output(int lines = 40) => string.Join(Environment.NewLine, _replicas.Select((r, i) => $"--- replica {i}{Environment.NewLine}{string.Join(Environment.NewLine, r.Output.TakeLast(lines))}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        await Redis.DisposeAsync();
        _output?.WriteLine($"{Output(200)}{Environment.NewLine}--- redis-server{Environment.NewLine}{string.Join(Environment.NewLine, Redis.Lines.TakeLast(40))}");
    }

    // A replica's settings: the backplane on, the shared token key, the test's own on top.
    public static Dictionary<string, string> ReplicaSettings(RedisServerProcess redis, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(ChatServiceFactory.OpenFloodLimits)
        {
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Chat:TokenKey"] = s_tokenKey,
            ["Chat:MessagesPerSecond"] = "100000",
            ["Chat:MessageBurst"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        return all;
    }
}
