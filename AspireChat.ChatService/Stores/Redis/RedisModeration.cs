using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.Conventions;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// The operator's steps on the shared room, by name: each reaches the user on whichever replica
// holds them. A mute and a hold are keys that expire at their time, checked by the scripts that
// publish (Publish), register (Claim) and keep a name (Renew); a disconnect's notice travels to
// every replica as a numbered message.
internal sealed class RedisModeration(RedisBackplane backplane, IConnectionMultiplexer redis, RedisKeys keys, RedisOnlineNames online, TimeProvider timeProvider)
{
    private IDatabase Database => redis.GetDatabase();

    // Ends the session of the user online under the name, on every replica, and holds the name
    // until heldUntil (RedisScripts.Disconnect). notice: the text the user is shown, given their
    // name as they hold it. Returns the session ended, or null when nobody has the name online.
    public Task<SharedUser?> DisconnectAsync(string name, Func<string, string> notice, DateTimeOffset heldUntil) => RedisFailures.RunAsync(async () =>
    {
        // The notice names the name as held: read first, and checked again by the script.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await Database.HashGetAsync(keys.User(name), "name") is not { IsNull: false } held)
            {
                return null;
            }
            using var activity = backplane.StartPublish();
            var payload = backplane.Payload(MessageKind.Disconnect, Usernames.Announcer, notice((string)held!), activity);
            var result = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Disconnect,
                [keys.User(name), keys.Look(name), keys.Hold(name), keys.Sequence, keys.Epoch],
                [held, payload.Bytes, MillisecondsUntil(heldUntil), heldUntil.ToUnixTimeMilliseconds(), backplane.Channel.ToString(), RedisBackplane.NewEpoch(), Usernames.Key(name)]))!;
            if ((long)result[0] != -2)
            {
                online.Refresh();
                activity?.SetTag(ChatTelemetry.SequenceTag, (long)result[0]);
                return (long)result[0] < 0 ? null : new SharedUser((long)result[1], (string)result[2]!, (string)result[3]!, DateTimeOffset.FromUnixTimeMilliseconds((long)result[4]));
            }
        }
        // Registered again under another spelling each time it was read: nobody to end now.
        return null;
    });

    // Mutes the name while somebody has it online; returns the name as held, or null.
    public Task<string?> MuteAsync(string name, Mute mute) => RedisFailures.RunAsync(async () =>
    {
        var held = await Database.ScriptEvaluateAsync(RedisScripts.Mute, [keys.User(name), keys.Mute(name)], [RedisMutes.Encode(mute), MillisecondsUntil(mute.Until)]);
        online.Refresh();
        return held.IsNull ? null : (string?)held;
    });

    public Task<bool> UnmuteAsync(string name) => RedisFailures.RunAsync(async () =>
    {
        var unmuted = await Database.KeyDeleteAsync(keys.Mute(name));
        online.Refresh();
        return unmuted;
    });

    // A key's time to live until then (at least a millisecond: Redis takes no less).
    private long MillisecondsUntil(DateTimeOffset until) => Math.Max(1, (long)(until - timeProvider.GetUtcNow()).TotalMilliseconds);
}
