using AspireChat.Conventions;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// The names of the room's keys in Redis. They share one hash tag ("{prefix}"), so the scripts
// also run on a Redis Cluster.
internal sealed class RedisKeys(string prefix)
{
    private readonly string _prefix = $"{{{prefix}}}";

    public RedisChannel Channel => RedisChannel.Literal($"{_prefix}:messages");

    public RedisKey Sequence => $"{_prefix}:seq";

    public RedisKey Log => $"{_prefix}:log";

    public RedisKey Epoch => $"{_prefix}:epoch";

    // Every user hash, for a scan.
    public RedisValue UserPattern => $"{_prefix}:user:*";

    public RedisKey User(string name) => $"{_prefix}:user:{Usernames.Key(name)}";

    public RedisKey Look(string name) => $"{_prefix}:look:{Usernames.Skeleton(name)}";

    // Set once a user's LEFT notice has gone out.
    public RedisKey Left(long userId) => $"{_prefix}:left:{userId}";

    // Exists while the replica is alive (renewed every sweep); its value is the replica's name.
    public RedisKey Replica(string replicaId) => $"{_prefix}:replica:{replicaId}";

    // The operator's mute of a name: "<until, unix ms> <reason>", expiring at that time.
    public RedisKey Mute(string name) => $"{_prefix}:mute:{Usernames.Key(name)}";

    // The operator's hold of a disconnected user's name: "<until, unix ms>", expiring then.
    public RedisKey Hold(string name) => $"{_prefix}:hold:{Usernames.Key(name)}";
}
