using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Wire;
using AspireChat.Conventions;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// The room as Redis holds it for every replica: the names online (a hash per name that expires
// after the reconnect grace period unless a replica's stream renews it), one sequence counter, the
// history (a stream trimmed to HistorySize) and a channel that carries every accepted message to
// every replica. Each step is one script (RedisScripts), so replicas never disagree.
public sealed class RedisBackplane : IDisposable
{
    // Users renewed by one script: few enough that the publishes queued behind it in Redis wait
    // little (a script of 100 held Redis for 0.6 ms, docs/performance.md).
    private const int RenewBatchSize = 100;

    private readonly IConnectionMultiplexer _redis;
    private readonly ChatOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ChatTelemetry _telemetry;
    private readonly RedisKeys _keys;
    private readonly RedisOnlineNames _online;
    private readonly Lazy<(string Host, int Port)> _peer;
    private readonly string _channelName;
    private readonly PublishBatcher _batcher;

    public RedisBackplane(IConnectionMultiplexer redis, IOptions<ChatOptions> options, TimeProvider timeProvider, ChatTelemetry telemetry)
    {
        _redis = redis;
        _options = options.Value;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _keys = new RedisKeys(_options.RedisKeyPrefix);
        _online = new RedisOnlineNames(redis, _keys, timeProvider);
        Moderation = new RedisModeration(this, redis, _keys, _online, timeProvider);
        _channelName = _keys.Channel.ToString();
        _batcher = new PublishBatcher(PublishBatchAsync);
        // The Redis endpoint as a publish span's peer (found once: it does not change).
        _peer = new(() => redis.GetEndPoints().FirstOrDefault() switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => (other?.ToString() ?? "", 0),
        });
    }

    // This process among the replicas: names the stream counts it keeps in each user's hash.
    public string ReplicaId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public RedisChannel Channel => _keys.Channel;

    // The operator's steps: disconnect, mute, unmute.
    internal RedisModeration Moderation { get; }

    // How long a name lasts in Redis without a renewal: the grace period (at least a second) ...
    private long LeaseMilliseconds => (long)Math.Max(_options.ReconnectGracePeriod.TotalMilliseconds, 1000);

    // ... and, while it has streams, one renewal interval more: a replica that dies just before
    // its next renewal frees the name no sooner than the grace period after it died.
    private long StreamingLeaseMilliseconds => LeaseMilliseconds + (long)_options.SweepInterval.TotalMilliseconds;

    private IDatabase Database => _redis.GetDatabase();

    private string ReplicaField => $"s:{ReplicaId}";

    // The session the name now has (IsNew when it is the caller's new one), or none: taken, or
    // held by the operator until HeldUntil.
    public Task<(SharedUser? User, DateTimeOffset? HeldUntil)> ClaimAsync(string name, string? presentedToken, string newToken, string connection) => RedisFailures.RunAsync<(SharedUser?, DateTimeOffset?)>(async () =>
    {
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Claim,
            [_keys.User(name), _keys.Look(name), _keys.Hold(name)],
            [name, Usernames.Key(name), presentedToken ?? "", newToken, $"{ReplicaId}/{connection}", LeaseMilliseconds, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), NewUserId()]))!;
        return (int)result[0] switch
        {
            -2 => (null, DateTimeOffset.FromUnixTimeMilliseconds((long)result[1])),
            < 0 => (null, null),
            var status => (new SharedUser((long)result[1], (string)result[2]!, (string)result[3]!, DateTimeOffset.FromUnixTimeMilliseconds((long)result[4]), IsNew: status == 1), null),
        };
    });

    // The session a token names, if it is still that name's session.
    public Task<SharedUser?> FindAsync(string token, string name) => RedisFailures.RunAsync(async () =>
    {
        var fields = await Database.HashGetAsync(_keys.User(name), ["token", "id", "name", "since"]);
        return fields[0] == token
            ? new SharedUser((long)fields[1], (string)fields[2]!, token, DateTimeOffset.FromUnixTimeMilliseconds((long)fields[3]))
            : null;
    });

    // Numbers the message and sends it to every replica (this one included), in one step.
    public Task<PublishResult> PublishAsync(MessageKind kind, ChatUser sender, string text, string? recipientName) =>
        PublishAsync(kind, sender.Name, sender.SessionToken, kind == MessageKind.Left ? _keys.Left(sender.Id) : (RedisKey?)null, text, recipientName);

    // The room's notice to everybody: from no session, so none is checked.
    public Task<PublishResult> AnnounceAsync(string text) => PublishAsync(MessageKind.Announcement, Usernames.Announcer, "", leftKey: null, text, recipientName: null);

    // leftKey: the marker of a LEFT notice. The sender's session is checked (token), unless the
    // room itself announces. The message goes with the next batch (group commit).
    private Task<PublishResult> PublishAsync(MessageKind kind, string sender, string token, RedisKey? leftKey, string text, string? recipientName) => RedisFailures.RunAsync(async () =>
    {
        using var activity = StartPublish();
        var (draft, payload) = Payload(kind, sender, text, activity);
        var result = (RedisResult[])(await _batcher.PublishAsync(new PendingPublish(kind, sender, token, leftKey, recipientName, payload)))!;
        var sequence = (long)result[0];
        activity?.SetTag(ChatTelemetry.SequenceTag, sequence);
        return sequence switch
        {
            -1 => new PublishResult(PublishOutcome.SessionGone),
            -2 => new PublishResult(PublishOutcome.UnknownRecipient),
            -3 => new PublishResult(PublishOutcome.AlreadyNotified),
            -4 => new PublishResult(PublishOutcome.StillOnline),
            -5 => new PublishResult(PublishOutcome.Muted, Mute: RedisMutes.Decode((string)result[1]!)),
            -6 => throw new RedisServerException((string)result[1]!),
            _ => new PublishResult(PublishOutcome.Published, draft with
            {
                Sequence = sequence,
                RecipientId = (long)result[1] is > 0 and var recipientId ? recipientId : null,
                RecipientName = (string?)result[2] is { Length: > 0 } recipient ? recipient : null,
            }),
        };
    });

    // One Publish script for the batch: its keys and arguments, 4 of each per message after the
    // batch's own.
    private async Task<RedisResult[]> PublishBatchAsync(IReadOnlyList<PendingPublish> batch)
    {
        var keys = new RedisKey[3 + 4 * batch.Count];
        var values = new RedisValue[4 + 4 * batch.Count];
        (keys[0], keys[1], keys[2]) = (_keys.Sequence, _keys.Log, _keys.Epoch);
        (values[0], values[1], values[2], values[3]) = (_options.HistorySize, LeaseMilliseconds, _channelName, NewEpoch());
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            var senderKey = _keys.User(message.Sender);
            (keys[3 + 4 * i], keys[4 + 4 * i], keys[5 + 4 * i], keys[6 + 4 * i]) =
                (senderKey, message.RecipientName is null ? senderKey : _keys.User(message.RecipientName), message.LeftKey ?? senderKey, _keys.Mute(message.Sender));
            (values[4 + 4 * i], values[5 + 4 * i], values[6 + 4 * i], values[7 + 4 * i]) =
                (message.Token, message.Payload, message.RecipientName is null ? "0" : "1", message.KindName);
        }
        return (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Publish, keys, values))!;
    }

    // Keeps the names of this replica's users online, and this replica among the live ones;
    // returns the users whose name is no longer their session's.
    public Task<IReadOnlyList<ChatUser>> RenewAsync(IReadOnlyList<(ChatUser User, int Streams)> users) => RedisFailures.RunAsync<IReadOnlyList<ChatUser>>(async () =>
    {
        var heartbeat = Database.StringSetAsync(_keys.Replica(ReplicaId), _options.ReplicaName, TimeSpan.FromMilliseconds(LeaseMilliseconds));
        var batches = users.Chunk(RenewBatchSize).Select(RenewBatchAsync).ToArray();
        await heartbeat;
        return [.. (await Task.WhenAll(batches)).SelectMany(lost => lost)];
    });

    private async Task<IEnumerable<ChatUser>> RenewBatchAsync((ChatUser User, int Streams)[] batch)
    {
        var keys = new RedisKey[3 * batch.Length];
        var values = new RedisValue[1 + 8 * batch.Length];
        values[0] = ReplicaField;
        for (var i = 0; i < batch.Length; i++)
        {
            var (user, streams) = batch[i];
            (keys[3 * i], keys[3 * i + 1], keys[3 * i + 2]) = (_keys.User(user.Name), _keys.Look(user.Name), _keys.Hold(user.Name));
            (values[1 + 8 * i], values[2 + 8 * i], values[3 + 8 * i], values[4 + 8 * i]) =
                (user.SessionToken, streams > 0 ? StreamingLeaseMilliseconds : LeaseMilliseconds, streams, user.Id);
            (values[5 + 8 * i], values[6 + 8 * i], values[7 + 8 * i], values[8 + 8 * i]) =
                (user.Name, user.OnlineSince.ToUnixTimeMilliseconds(), Usernames.Key(user.Name), $"{ReplicaId}/{user.ConnectionKey}");
        }
        var renewed = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Renew, keys, values))!;
        return batch.Where((_, i) => (int)renewed[i] == 0).Select(u => u.User);
    }

    // Every name online on any replica (RedisOnlineNames).
    public Task<IReadOnlyList<OnlineEntry>> OnlineAsync() => _online.ReadAsync();

    // The room's epoch (made by the first replica that asks) and its last sequence number.
    // Read first, and the epoch made only when there is none: a Redis out of memory refuses every
    // write, and the receivers keep catching up meanwhile.
    public Task<(string Epoch, long Sequence)> ReadStateAsync() => RedisFailures.RunAsync(async () =>
    {
        var values = await Database.StringGetAsync([_keys.Epoch, _keys.Sequence]);
        if (values[0].IsNull)
        {
            await Database.StringSetAsync(_keys.Epoch, NewEpoch(), when: When.NotExists);
            values = await Database.StringGetAsync([_keys.Epoch, _keys.Sequence]);
        }
        return ((string)values[0]!, values[1].IsNull ? 0 : (long)values[1]);
    });

    // Up to count chat messages after a sequence number, oldest first, from the shared history.
    public Task<IReadOnlyList<BackplaneEntry>> ReadAfterAsync(long sequence, int count) => RedisFailures.RunAsync<IReadOnlyList<BackplaneEntry>>(async () =>
    {
        var entries = await Database.StreamRangeAsync(_keys.Log, $"{(sequence + 1).ToString(CultureInfo.InvariantCulture)}-0", "+", count);
        return [.. BackplaneCodec.DecodeAll(entries)];
    });

    // The newest count chat messages, oldest first.
    public Task<IReadOnlyList<BackplaneEntry>> ReadLatestAsync(int count) => RedisFailures.RunAsync<IReadOnlyList<BackplaneEntry>>(async () =>
    {
        var entries = await Database.StreamRangeAsync(_keys.Log, "-", "+", count, Order.Descending);
        return [.. BackplaneCodec.DecodeAll(entries.Reverse())];
    });

    // Only once connected: the Redis client registers a queue before a SUBSCRIBE that then fails,
    // and would keep it (filling, unread) for ever; one that fails anyway is removed again.
    public Task<ChannelMessageQueue> SubscribeAsync() => RedisFailures.RunAsync(async () =>
    {
        if (!_redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected to Redis.", null, CommandStatus.WaitingToBeSent);
        }
        var subscriber = _redis.GetSubscriber();
        try
        {
            return await subscriber.SubscribeAsync(Channel);
        }
        catch (Exception ex) when (RedisFailures.Unavailable(ex) is not null)
        {
            await subscriber.UnsubscribeAsync(Channel, handler: null, CommandFlags.FireAndForget);
            throw;
        }
    });

    // The span is the producer of the deliveries on every replica: the trace goes caller → this
    // replica → Redis → each replica → each receiver.
    internal Activity? StartPublish()
    {
        var activity = _telemetry.Source.StartActivity(ChatTelemetry.BackplanePublishSpan, ActivityKind.Producer);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", _channelName);
        // The dashboard shows the Redis resource these name as the span's peer.
        activity?.SetTag("server.address", _peer.Value.Host);
        activity?.SetTag("server.port", _peer.Value.Port);
        return activity;
    }

    // The message before Redis has numbered it, and its wire form (the entry's payload).
    internal (ChatMessage Draft, byte[] Bytes) Payload(MessageKind kind, string sender, string text, Activity? activity)
    {
        var trace = activity ?? Activity.Current;
        var draft = new ChatMessage(0, _timeProvider.GetUtcNow(), kind, sender, text, TraceParent: trace?.Id, TraceState: trace?.TraceStateString);
        return (draft, ChatMessageProto.ToProto(draft).ToByteArray());
    }

    public void Dispose() => _batcher.Dispose();

    internal static string NewEpoch() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    // Positive, and never one another session had: delivery of a direct message matches on it.
    private static long NewUserId() => (BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue) | 1;
}
