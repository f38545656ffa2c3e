using AspireChat.ChatService.Model;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// Every name online on any replica, with its streams on the replicas that are alive (by replica
// name) and the operator's mute. Read at most once a second by this replica, however often
// clients ask: it scans Redis.
internal sealed class RedisOnlineNames(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider timeProvider)
{
    private static readonly TimeSpan s_freshness = TimeSpan.FromSeconds(1);
    // When the last read started, and its result.
    private volatile Tuple<long, Task<IReadOnlyList<OnlineEntry>>>? _online;

    private IDatabase Database => redis.GetDatabase();

    public Task<IReadOnlyList<OnlineEntry>> ReadAsync()
    {
        if (_online is { } cached && timeProvider.GetElapsedTime(cached.Item1) < s_freshness && !cached.Item2.IsFaulted)
        {
            return cached.Item2;
        }
        var read = RedisFailures.RunAsync(ScanAsync);
        _online = Tuple.Create(timeProvider.GetTimestamp(), read);
        return read;
    }

    // The operator changed a name: the next read shows it.
    public void Refresh() => _online = null;

    private async Task<IReadOnlyList<OnlineEntry>> ScanAsync()
    {
        var server = redis.GetServers().FirstOrDefault(s => s.IsConnected && !s.IsReplica)
            ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No Redis primary is connected.", null, CommandStatus.WaitingToBeSent);
        var users = new List<Dictionary<string, RedisValue>>();
        await foreach (var key in server.KeysAsync(Database.Database, keys.UserPattern))
        {
            var hash = (await Database.HashGetAllAsync(key)).ToDictionary(f => (string)f.Name!, f => f.Value);
            if (hash.ContainsKey("name"))
            {
                users.Add(hash);
            }
        }
        var alive = await AliveAsync(users);
        var mutes = users.Count == 0 ? [] : await Database.StringGetAsync([.. users.Select(u => keys.Mute((string)u["name"]!))]);
        return [.. users.Select((u, i) => Entry(u, alive, RedisMutes.Decode(mutes[i])))];
    }

    private static OnlineEntry Entry(Dictionary<string, RedisValue> user, Dictionary<string, string> alive, Mute? mute)
    {
        var replicas = user.Where(f => alive.ContainsKey(f.Key) && (int)f.Value > 0)
            .GroupBy(f => alive[f.Key], f => (int)f.Value, StringComparer.Ordinal)
            .Select(g => new ReplicaStreams(g.Key, g.Sum()))
            .OrderBy(r => r.Replica, StringComparer.Ordinal)
            .ToArray();
        return new OnlineEntry((string)user["name"]!, DateTimeOffset.FromUnixTimeMilliseconds((long)user["since"]),
            replicas.Sum(r => r.Listeners), replicas, mute?.Until);
    }

    // The stream-count fields ("s:<replica>") of the replicas still alive, with each replica's
    // name (its heartbeat's value).
    private async Task<Dictionary<string, string>> AliveAsync(List<Dictionary<string, RedisValue>> users)
    {
        var fields = users.SelectMany(u => u.Keys).Where(f => f.StartsWith("s:", StringComparison.Ordinal)).Distinct().ToArray();
        var names = fields.Length == 0 ? [] : await Database.StringGetAsync([.. fields.Select(f => keys.Replica(f[2..]))]);
        var alive = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            if (!names[i].IsNull)
            {
                alive[fields[i]] = (string)names[i]!;
            }
        }
        return alive;
    }
}
