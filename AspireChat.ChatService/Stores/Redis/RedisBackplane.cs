using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Grpc;
using AspireChat.ChatService.Messaging;
using AspireChat.ChatService.Users;
using AspireChat.Conventions;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// The room as Redis holds it for every replica: the names online (a hash per name that expires
// after the reconnect grace period unless a replica's stream renews it), one sequence counter, the
// history (a stream trimmed to HistorySize) and a channel that carries every accepted message to
// every replica. Each step is one script (RedisScripts), so replicas never disagree.
public sealed class RedisBackplane(IConnectionMultiplexer redis, IOptions<ChatOptions> options, TimeProvider timeProvider, ChatTelemetry telemetry)
{
    private static readonly TimeSpan s_onlineFreshness = TimeSpan.FromSeconds(1);
    private readonly ChatOptions _options = options.Value;
    // When the last read of the names online started, and its result.
    private volatile Tuple<long, Task<IReadOnlyList<OnlineEntry>>>? _online;
    private readonly string _prefix = $"{{{options.Value.RedisKeyPrefix}}}";

    // The Redis endpoint as a publish span's peer (found once: it does not change).
    private readonly Lazy<(string Host, int Port)> _peer = new(() => redis.GetEndPoints().FirstOrDefault() switch
    {
        DnsEndPoint dns => (dns.Host, dns.Port),
        IPEndPoint ip => (ip.Address.ToString(), ip.Port),
        var other => (other?.ToString() ?? "", 0),
    });

    // This process among the replicas: names the stream counts it keeps in each user's hash.
    public string ReplicaId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public RedisChannel Channel => RedisChannel.Literal($"{_prefix}:messages");

    // How long a name lasts in Redis without a renewal: the grace period (at least a second) ...
    private long LeaseMilliseconds => (long)Math.Max(_options.ReconnectGracePeriod.TotalMilliseconds, 1000);

    // ... and, while it has streams, one renewal interval more: a replica that dies just before
    // its next renewal frees the name no sooner than the grace period after it died.
    private long StreamingLeaseMilliseconds => LeaseMilliseconds + (long)_options.SweepInterval.TotalMilliseconds;

    private IDatabase Database => redis.GetDatabase();

    private RedisKey SequenceKey => $"{_prefix}:seq";

    private RedisKey LogKey => $"{_prefix}:log";

    private RedisKey EpochKey => $"{_prefix}:epoch";

    private string ReplicaField => $"s:{ReplicaId}";

    public Task<SharedUser?> ClaimAsync(string name, string? presentedToken, string newToken, string connection) => RunAsync(async () =>
    {
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Claim,
            [UserKey(name), LookKey(name)],
            [name, Usernames.Key(name), presentedToken ?? "", newToken, $"{ReplicaId}/{connection}", LeaseMilliseconds, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), NewUserId()]))!;
        var status = (int)result[0];
        return status < 0 ? null : new SharedUser((long)result[1], (string)result[2]!, (string)result[3]!, DateTimeOffset.FromUnixTimeMilliseconds((long)result[4]), IsNew: status == 1);
    });

    // The session a token names, if it is still that name's session.
    public Task<SharedUser?> FindAsync(string token, string name) => RunAsync(async () =>
    {
        var fields = await Database.HashGetAsync(UserKey(name), ["token", "id", "name", "since"]);
        return fields[0] == token
            ? new SharedUser((long)fields[1], (string)fields[2]!, token, DateTimeOffset.FromUnixTimeMilliseconds((long)fields[3]))
            : null;
    });

    // Numbers the message and sends it to every replica (this one included), in one step. The
    // span is the producer of the deliveries on every replica: the trace goes sender → this
    // replica → Redis → each replica → each receiver.
    public Task<PublishResult> PublishAsync(MessageKind kind, ChatUser sender, string text, string? recipientName) => RunAsync(async () =>
    {
        using var activity = telemetry.Source.StartActivity(ChatTelemetry.BackplanePublishSpan, ActivityKind.Producer);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", Channel.ToString());
        // The dashboard shows the Redis resource these name as the span's peer.
        activity?.SetTag("server.address", _peer.Value.Host);
        activity?.SetTag("server.port", _peer.Value.Port);
        var trace = activity ?? Activity.Current;
        var draft = new ChatMessage(0, timeProvider.GetUtcNow(), kind, sender.Name, text, TraceParent: trace?.Id, TraceState: trace?.TraceStateString);
        var payload = WireMessages.ToProto(draft).ToByteArray();
        var senderKey = UserKey(sender.Name);
        var kindName = kind switch { MessageKind.Joined => "joined", MessageKind.Left => "left", _ => "chat" };
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Publish,
            [SequenceKey, LogKey, senderKey, recipientName is null ? senderKey : UserKey(recipientName), kind == MessageKind.Left ? $"{_prefix}:left:{sender.Id}" : senderKey, EpochKey],
            [sender.SessionToken, payload, _options.HistorySize, LeaseMilliseconds, recipientName is null ? "0" : "1", Channel.ToString(), kindName, NewEpoch()]))!;
        var sequence = (long)result[0];
        activity?.SetTag(ChatTelemetry.SequenceTag, sequence);
        return sequence switch
        {
            -1 => new PublishResult(PublishOutcome.SessionGone),
            -2 => new PublishResult(PublishOutcome.UnknownRecipient),
            -3 => new PublishResult(PublishOutcome.AlreadyNotified),
            -4 => new PublishResult(PublishOutcome.StillOnline),
            _ => new PublishResult(PublishOutcome.Published, draft with
            {
                Sequence = sequence,
                RecipientId = (long)result[1] is > 0 and var recipientId ? recipientId : null,
                RecipientName = (string?)result[2] is { Length: > 0 } recipient ? recipient : null,
            }),
        };
    });

    // Keeps the names of this replica's users online, and this replica among the live ones;
    // returns the users whose name is no longer their session's.
    public Task<IReadOnlyList<ChatUser>> RenewAsync(IReadOnlyList<(ChatUser User, int Streams)> users) => RunAsync<IReadOnlyList<ChatUser>>(async () =>
    {
        var heartbeat = Database.StringSetAsync($"{_prefix}:replica:{ReplicaId}", 1, TimeSpan.FromMilliseconds(LeaseMilliseconds));
        var renewals = users.Select(u => Database.ScriptEvaluateAsync(RedisScripts.Renew,
            [UserKey(u.User.Name), LookKey(u.User.Name)],
            [u.User.SessionToken, u.Streams > 0 ? StreamingLeaseMilliseconds : LeaseMilliseconds, ReplicaField, u.Streams, u.User.Id, u.User.Name, u.User.OnlineSince.ToUnixTimeMilliseconds(), Usernames.Key(u.User.Name), $"{ReplicaId}/{u.User.ConnectionKey}"])).ToArray();
        await heartbeat;
        var renewed = await Task.WhenAll(renewals);
        return [.. users.Where((_, i) => (int)renewed[i] == 0).Select(u => u.User)];
    });

    // Every name online on any replica, with its streams on the replicas that are alive. Read at
    // most once a second by this replica, however often clients ask: it scans Redis.
    public Task<IReadOnlyList<OnlineEntry>> OnlineAsync()
    {
        if (_online is { } cached && timeProvider.GetElapsedTime(cached.Item1) < s_onlineFreshness && !cached.Item2.IsFaulted)
        {
            return cached.Item2;
        }
        var read = ReadOnlineAsync();
        _online = Tuple.Create(timeProvider.GetTimestamp(), read);
        return read;
    }

    private Task<IReadOnlyList<OnlineEntry>> ReadOnlineAsync() => RunAsync<IReadOnlyList<OnlineEntry>>(async () =>
    {
        var server = redis.GetServers().FirstOrDefault(s => s.IsConnected && !s.IsReplica)
            ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No Redis primary is connected.", null, CommandStatus.WaitingToBeSent);
        var hashes = new List<HashEntry[]>();
        await foreach (var key in server.KeysAsync(Database.Database, $"{_prefix}:user:*"))
        {
            hashes.Add(await Database.HashGetAllAsync(key));
        }
        var replicas = hashes.SelectMany(h => h.Select(f => (string)f.Name!)).Where(f => f.StartsWith("s:", StringComparison.Ordinal)).Distinct().ToArray();
        var alive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in replicas)
        {
            if (await Database.KeyExistsAsync($"{_prefix}:replica:{field[2..]}"))
            {
                alive.Add(field);
            }
        }
        return [.. hashes.Select(h => h.ToDictionary(f => (string)f.Name!, f => f.Value))
            .Where(h => h.ContainsKey("name"))
            .Select(h => new OnlineEntry((string)h["name"]!, DateTimeOffset.FromUnixTimeMilliseconds((long)h["since"]),
                h.Where(f => alive.Contains(f.Key)).Sum(f => (int)f.Value)))];
    });

    // The room's epoch (made by the first replica that asks) and its last sequence number.
    // Read first, and the epoch made only when there is none: a Redis out of memory refuses every
    // write, and the receivers keep catching up meanwhile.
    public Task<(string Epoch, long Sequence)> ReadStateAsync() => RunAsync(async () =>
    {
        var values = await Database.StringGetAsync([EpochKey, SequenceKey]);
        if (values[0].IsNull)
        {
            await Database.StringSetAsync(EpochKey, NewEpoch(), when: When.NotExists);
            values = await Database.StringGetAsync([EpochKey, SequenceKey]);
        }
        return ((string)values[0]!, values[1].IsNull ? 0 : (long)values[1]);
    });

    // Up to count chat messages after a sequence number, oldest first, from the shared history.
    public Task<IReadOnlyList<BackplaneEntry>> ReadAfterAsync(long sequence, int count) => RunAsync<IReadOnlyList<BackplaneEntry>>(async () =>
    {
        var entries = await Database.StreamRangeAsync(LogKey, $"{(sequence + 1).ToString(CultureInfo.InvariantCulture)}-0", "+", count);
        return [.. BackplaneCodec.DecodeAll(entries)];
    });

    // The newest count chat messages, oldest first.
    public Task<IReadOnlyList<BackplaneEntry>> ReadLatestAsync(int count) => RunAsync<IReadOnlyList<BackplaneEntry>>(async () =>
    {
        var entries = await Database.StreamRangeAsync(LogKey, "-", "+", count, Order.Descending);
        return [.. BackplaneCodec.DecodeAll(entries.Reverse())];
    });

    // Only once connected: the Redis client registers a queue before a SUBSCRIBE that then fails,
    // and would keep it (filling, unread) for ever; one that fails anyway is removed again.
    public Task<ChannelMessageQueue> SubscribeAsync() => RunAsync(async () =>
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected to Redis.", null, CommandStatus.WaitingToBeSent);
        }
        var subscriber = redis.GetSubscriber();
        try
        {
            return await subscriber.SubscribeAsync(Channel);
        }
        catch (Exception ex) when (Unavailable(ex) is not null)
        {
            await subscriber.UnsubscribeAsync(Channel, handler: null, CommandFlags.FireAndForget);
            throw;
        }
    });

    private static string NewEpoch() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    // Positive, and never one another session had: delivery of a direct message matches on it.
    private static long NewUserId() => (BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue) | 1;

    private RedisKey UserKey(string name) => $"{_prefix}:user:{Usernames.Key(name)}";

    private RedisKey LookKey(string name) => $"{_prefix}:look:{Usernames.Skeleton(name)}";

    private static async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception ex) when (Unavailable(ex) is { } unavailable)
        {
            throw unavailable;
        }
    }

    // Whatever the Redis client raises when Redis fails, as the caller is to be told it; null
    // for anything else (a fault of this code). Nothing of ours cancels a step, so a cancellation
    // is the client's own, and like a connection or subscription torn down under a caller
    // (InvalidOperationException: ObjectDisposedException, ChannelClosedException, a completed
    // pipe's reader) it does not say whether the command was written: whether it ran is not known.
    private static StoreUnavailableException? Unavailable(Exception ex) => ex switch
    {
        RedisServerException when ex.Message.StartsWith("OOM", StringComparison.Ordinal) => new(OutOfMemory, ex) { IsOutOfMemory = true },
        RedisServerException
            or RedisTimeoutException { Commandstatus: CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog }
            or RedisConnectionException { CommandStatus: CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog } => new(NotDone, ex),
        // Sent (or it is not known whether it was), and no answer: it may have run (a message
        // may have been sent after all).
        RedisException or RedisTimeoutException or InvalidOperationException or OperationCanceledException => new(NotKnown, ex),
        _ => null,
    };

    private const string NotDone = "The chat's shared store (Redis) cannot be reached; nothing was done. Try again shortly.";

    private const string NotKnown = "The chat's shared store (Redis) did not answer in time, so whether this was done is not known; check before you try again.";

    // Redis answered: it refuses every write that could make it grow (maxmemory, no eviction),
    // before the step's first write, so nothing of the step was done.
    private const string OutOfMemory = "The chat's shared store (Redis) is out of memory; nothing was done. Try again later.";
}
