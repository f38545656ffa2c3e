using System.Security.Cryptography;
using AspireChat.Bench.Load;
using AspireChat.Bench.Scenarios;
using Grpc.Core;

namespace AspireChat.Bench.Servers;

// Every server the suite measures, each a process of its own on free loopback ports: the chat
// service with its in-memory room, the ceiling, the SignalR hub, and the chat service scaled out
// (replicas that share one room through a redis-server). Disposed, it kills them all.
internal sealed class SuiteServers : IAsyncDisposable
{
    // Load, not chat: no per-user, per-connection or per-address limit (every bench client comes
    // from one address), no log line per message, and a room of its own (no names held
    // from an earlier run). The replicas get the same.
    public static readonly IReadOnlyDictionary<string, string> LoadSettings = new Dictionary<string, string>
    {
        ["Chat__MessagesPerSecond"] = "1000000",
        ["Chat__MessageBurst"] = "1000000",
        ["Chat__RegistrationsPerConnectionPerMinute"] = "1000000",
        ["Chat__RegistrationBurstPerConnection"] = "1000000",
        ["Chat__RegistrationsPerAddressPerMinute"] = "1000000",
        ["Chat__RegistrationBurstPerAddress"] = "1000000",
        ["Chat__MessagesPerSecondPerConnection"] = "1000000",
        ["Chat__MessageBurstPerConnection"] = "1000000",
        ["Chat__MessagesPerSecondPerAddress"] = "1000000",
        ["Chat__MessageBurstPerAddress"] = "1000000",
        ["Chat__MaxConnectionsPerAddress"] = "1000000",
        ["Chat__MaxUsersPerAddress"] = "1000000",
        ["Chat__MaxStreamsPerAddress"] = "1000000",
        ["Chat__ListUsersPerSecondPerAddress"] = "1000000",
        ["Chat__ListUsersBurstPerAddress"] = "1000000",
        ["Chat__RestartHoldPeriod"] = "00:00:00",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(60);
    private readonly LocalServer _chat;
    private readonly LocalServer _ceiling;
    private readonly LocalServer _signalR;
    private readonly LocalServer _redis;
    private readonly IReadOnlyList<LocalServer> _replicas;

    private SuiteServers(LocalServer chat, LocalServer ceiling, LocalServer signalR, LocalServer redis, IReadOnlyList<LocalServer> replicas)
    {
        _chat = chat;
        _ceiling = ceiling;
        _signalR = signalR;
        _redis = redis;
        _replicas = replicas;
    }

    public MeasuredServer<IFanOutTarget> InMemory => new(NewInMemoryTarget, _chat.Process);

    public MeasuredServer<IFanOutTarget> Ceiling => new(() => new CeilingTarget(_ceiling.GrpcUrl), _ceiling.Process);

    public MeasuredServer<IFanOutTarget> SignalR => new(NewSignalRTarget, _signalR.Process);

    // Listeners spread over the replicas, senders taking turns; its cost is every replica's CPU
    // and redis-server's.
    public MeasuredServer<IFanOutTarget> Backplane => new(NewBackplaneTarget, BackplaneProcess);

    // The sender on one replica, the listeners on the others.
    public MeasuredServer<IFanOutTarget> BackplaneCrossReplica => new(() => new ReplicasTarget(ReplicaUrls, crossReplica: true), BackplaneProcess);

    // The servers with users to address; the backplane's users spread over the replicas.
    public DirectServers<MeasuredServer<IDirectTarget>> Direct =>
        new(new(NewInMemoryTarget, _chat.Process), new(NewSignalRTarget, _signalR.Process), new(NewBackplaneTarget, BackplaneProcess));

    private ChatTarget NewInMemoryTarget() => new(_chat.GrpcUrl, workshop: false);

    private SignalRTarget NewSignalRTarget() => new(_signalR.HubUrl);

    private ReplicasTarget NewBackplaneTarget() => new(ReplicaUrls, crossReplica: false);

    private Uri[] ReplicaUrls => [.. _replicas.Select(r => r.GrpcUrl)];

    private ServerProcess BackplaneProcess => new([.. _replicas.Select(r => r.ProcessId), _redis.ProcessId]);

    // redis-server first: without it there is no suite, and nothing else need start.
    public static async Task<SuiteServers> StartAsync(int replicaCount, CancellationToken cancellationToken)
    {
        var started = new List<LocalServer>();
        async Task<LocalServer> Started(Task<LocalServer> starting)
        {
            started.Add(await starting);
            return started[^1];
        }
        try
        {
            var redis = await Started(LocalServer.StartRedisAsync(cancellationToken));
            var replicaSettings = ReplicaSettings(redis);
            var replicas = new List<LocalServer>();
            for (var i = 0; i < replicaCount; i++)
            {
                replicas.Add(await Started(LocalServer.StartChatServiceAsync(replicaSettings, cancellationToken)));
            }
            var chat = await Started(LocalServer.StartChatServiceAsync(LoadSettings, cancellationToken));
            var ceiling = await Started(LocalServer.StartCeilingAsync(cancellationToken));
            var signalR = await Started(LocalServer.StartSignalRAsync(cancellationToken));
            foreach (var replica in replicas)
            {
                await WaitUntilJoinedAsync(replica.GrpcUrl, cancellationToken);
            }
            return new SuiteServers(chat, ceiling, signalR, redis, replicas);
        }
        catch
        {
            await DisposeAllAsync(started);
            throw;
        }
    }

    // Null, once it has said why on error, when a server could not start (redis-server missing).
    public static async Task<SuiteServers?> TryStartAsync(int replicaCount, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await StartAsync(replicaCount, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"The bench could not start its servers: {ex.Message}");
            return null;
        }
    }

    public void Describe(TextWriter console)
    {
        console.WriteLine($"Chat service (in-memory room) at {_chat.GrpcUrl} (process {_chat.ProcessId}); ceiling at {_ceiling.GrpcUrl} (process {_ceiling.ProcessId}); SignalR hub at {_signalR.HubUrl} (process {_signalR.ProcessId}).");
        var replicas = string.Join(", ", _replicas.Select(r => $"{r.GrpcUrl} (process {r.ProcessId})"));
        console.WriteLine($"Backplane: redis-server at 127.0.0.1:{_redis.Port} (process {_redis.ProcessId}); {_replicas.Count} chat replicas at {replicas}.");
    }

    public ValueTask DisposeAsync() => DisposeAllAsync([.. _replicas, _redis, _chat, _ceiling, _signalR]);

    // The same load settings, pointed at the one Redis, with one token key: a deployment's
    // replicas share their configuration, and each honours the sessions the others issued.
    private static Dictionary<string, string> ReplicaSettings(LocalServer redis) => new(LoadSettings)
    {
        ["ConnectionStrings__redis"] = $"127.0.0.1:{redis.Port}",
        ["Chat__TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    // A replica serves Listen only once its receiver has joined the shared room, a moment after
    // its port opens (UNAVAILABLE until then): it is ready when a message sent through it comes
    // back, through Redis, to a listener on it.
    private static async Task WaitUntilJoinedAsync(Uri replica, CancellationToken cancellationToken)
    {
        await using var probe = new ChatTarget(replica, workshop: false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_joinTimeout);
        try
        {
            for (var attempt = 0; !await RoundTripsAsync(probe, attempt, deadline.Token); attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The chat replica at {replica} had not joined the shared room (Redis) after {s_joinTimeout.TotalSeconds} s.");
        }
    }

    private static async Task<bool> RoundTripsAsync(ChatTarget probe, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            var listener = await probe.ListenAsync(attempt, senders: 1, recordLatency: false, cancellationToken);
            var send = await probe.SenderAsync(attempt, cancellationToken);
            if (!await send(BenchText.Create(0, 1, 64), cancellationToken))
            {
                return false;
            }
            await Listeners.DrainAsync([listener], 1, TimeSpan.FromSeconds(2), cancellationToken);
            return listener.Unique >= 1;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
        {
            return false;
        }
    }

    private static async ValueTask DisposeAllAsync(IEnumerable<LocalServer> servers)
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }
}
