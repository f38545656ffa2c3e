using AspireChat.ChatService.Model;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// Every name online on any replica, with its streams on the replicas that are alive. Read at most
// once a second by this replica, however often clients ask: it scans Redis.
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

    private async Task<IReadOnlyList<OnlineEntry>> ScanAsync()
    {
        var server = redis.GetServers().FirstOrDefault(s => s.IsConnected && !s.IsReplica)
            ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No Redis primary is connected.", null, CommandStatus.WaitingToBeSent);
        var hashes = new List<HashEntry[]>();
        await foreach (var key in server.KeysAsync(Database.Database, keys.UserPattern))
        {
            hashes.Add(await Database.HashGetAllAsync(key));
        }
        var alive = await AliveAsync(hashes);
        return [.. hashes.Select(h => h.ToDictionary(f => (string)f.Name!, f => f.Value))
            .Where(h => h.ContainsKey("name"))
            .Select(h => new OnlineEntry((string)h["name"]!, DateTimeOffset.FromUnixTimeMilliseconds((long)h["since"]),
                h.Where(f => alive.Contains(f.Key)).Sum(f => (int)f.Value)))];
    }

    // The stream-count fields ("s:<replica>") of the replicas still alive.
    private async Task<HashSet<string>> AliveAsync(List<HashEntry[]> hashes)
    {
        var replicas = hashes.SelectMany(h => h.Select(f => (string)f.Name!)).Where(f => f.StartsWith("s:", StringComparison.Ordinal)).Distinct().ToArray();
        var alive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in replicas)
        {
            if (await Database.KeyExistsAsync(keys.Replica(field[2..])))
            {
                alive.Add(field);
            }
        }
        return alive;
    }
}
