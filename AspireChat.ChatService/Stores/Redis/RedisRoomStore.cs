using System.Collections.Concurrent;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;
using AspireChat.ChatService.Users;
using AspireChat.Conventions;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Stores.Redis;

// A room that replicas share through Redis (RedisBackplane): Redis registers the names and numbers
// the messages, and BackplaneReceiver brings every message back to each replica's RoomFanOut.
// UserRegistry is this replica's view of the names: a session Redis holds is adopted there when
// it is first seen, and forgotten (its streams ended) once Redis says it is another's.
public sealed class RedisRoomStore(RedisBackplane backplane, UserRegistry users, SessionTokens tokens, RoomFanOut fanOut, IOptions<ChatOptions> options, TimeProvider timeProvider, RedisOutage outage, ILogger<RedisRoomStore> logger) : IRoomStore
{
    private readonly ChatOptions _options = options.Value;
    // Users expired here whose LEFT notice waits until the name has expired everywhere.
    private readonly List<(ChatUser User, long Since)> _departing = [];
    // Users the operator disconnected through this replica, whose LEFT notices wait for the sweep.
    private readonly ConcurrentQueue<ChatUser> _disconnected = new();

    public async ValueTask<Registration> RegisterAsync(string name, string? sessionToken, string connectionKey, string address, PresenceNotices presence)
    {
        var (claimed, heldUntil) = await backplane.ClaimAsync(name, sessionToken, tokens.Issue(name), connectionKey);
        if (claimed is not { } shared)
        {
            return new Registration(null, IsNew: false, Expired: null, HeldByOperatorUntil: heldUntil);
        }
        var user = Adopt(shared, connectionKey, address);
        if (shared.IsNew)
        {
            await presence.JoinedAsync(user);
        }
        return new Registration(user, shared.IsNew, Expired: null);
    }

    public async ValueTask<ChatUser?> FindSessionAsync(string sessionToken) =>
        SessionTokens.TryReadUsername(sessionToken, out var name) && await backplane.FindAsync(sessionToken, name) is { } shared
            ? Adopt(shared, connectionKey: null)
            : null;

    public async ValueTask<PublishResult> PublishAsync(MessageKind kind, ChatUser sender, string text, string? recipientName)
    {
        var published = await backplane.PublishAsync(kind, sender, text, recipientName);
        if (published.Outcome == PublishOutcome.SessionGone && kind == MessageKind.Chat)
        {
            EndSession(sender);
        }
        return published;
    }

    public async ValueTask<IReadOnlyList<OnlineEntry>> OnlineAsync() =>
        [.. (await backplane.OnlineAsync()).OrderBy(u => Usernames.Key(u.Name), StringComparer.Ordinal)];

    // Keeps this replica's listening users online in the shared room; ends the streams of those
    // whose name is no longer theirs; sends the LEFT notices of users gone everywhere.
    public async Task SweepAsync(PresenceNotices presence)
    {
        try
        {
            foreach (var lost in await backplane.RenewAsync(users.Listening()))
            {
                EndSession(lost);
            }
            await NotifyDepartedAsync(presence);
        }
        catch (StoreUnavailableException ex)
        {
            // Names last a grace period in Redis: the next sweep renews them, well within it.
            outage.Failed(ex);
        }
    }

    // Held from the moment the stream is open, not from the next renewal: a replica that dies
    // right after it still holds the name for the grace period.
    public Task HoldNameAsync(ChatUser user) => RenewQuietlyAsync([(user, users.StreamsOf(user))]);

    // The grace period starts now for every replica, not at the next renewal.
    public void LastStreamClosed(ChatUser user) => _ = RenewQuietlyAsync([(user, 0)]);

    public async ValueTask<PublishResult> AnnounceAsync(string text) => await backplane.AnnounceAsync(text);

    // The notice reaches the user's streams on every replica, which end with it; a session here
    // without streams is forgotten at once (one with streams, when its last one ends: Renew finds
    // the name held). Its LEFT notice goes out with this replica's next sweep, as an expired
    // user's does (the notices' budget is the sweep's to spend).
    public async ValueTask<string?> DisconnectAsync(string name, string reason, DateTimeOffset heldUntil)
    {
        if (await backplane.Moderation.DisconnectAsync(name, heldName => ModerationTexts.DisconnectNotice(heldName, reason, heldUntil), heldUntil) is not { } ended)
        {
            return null;
        }
        var local = users.FindByName(name) is { } found && found.Id == ended.Id ? found : null;
        if (local is not null && users.StreamsOf(local) == 0)
        {
            users.Forget(local);
        }
        _disconnected.Enqueue(local ?? new ChatUser(ended.Id, ended.Name, ended.SessionToken, connectionKey: "", ended.OnlineSince, idleSince: 0));
        return ended.Name;
    }

    public async ValueTask<string?> MuteAsync(string name, Mute mute) => await backplane.Moderation.MuteAsync(name, mute);

    public async ValueTask<bool> UnmuteAsync(string name) => await backplane.Moderation.UnmuteAsync(name);

    // The replica the listener saw last may be ahead of this one.
    public long SkipThrough(long resumeAfter) => resumeAfter;

    // address: where a registration here came from; null for a session taken up from another replica.
    private ChatUser Adopt(SharedUser shared, string? connectionKey, string? address = null)
    {
        var user = users.Adopt(shared, connectionKey, out var replaced, address);
        foreach (var stale in replaced)
        {
            EndStreams(stale);
        }
        return user;
    }

    private void EndSession(ChatUser user)
    {
        users.Forget(user);
        EndStreams(user);
    }

    // Its name is another session's now: its streams end with UNAUTHENTICATED (register again).
    private void EndStreams(ChatUser user)
    {
        if (fanOut.Close(user, SubscriptionEnd.SessionEnded) > 0)
        {
            BackplaneLog.SessionLost(logger, LogText.Escape(user.Name));
        }
    }

    // A user expired here may still be online on another replica: the notice goes out once the
    // name has expired in Redis too (by whichever replica sees it first), or not at all from here
    // if another replica still has it after two grace periods (that replica sends it).
    private async Task NotifyDepartedAsync(PresenceNotices presence)
    {
        var patience = timeProvider.GetTimestamp() - (long)(2 * Math.Max(_options.ReconnectGracePeriod.TotalSeconds, 1) * timeProvider.TimestampFrequency);
        _departing.AddRange(users.RemoveExpired().Select(u => (u, timeProvider.GetTimestamp())));
        while (_disconnected.TryDequeue(out var disconnected))
        {
            _departing.Add((disconnected, timeProvider.GetTimestamp()));
        }
        foreach (var (user, since) in _departing.ToArray())
        {
            // Asked first, so that a user still online elsewhere spends none of the notice budget.
            var stillOnline = await backplane.FindAsync(user.SessionToken, user.Name) is not null;
            var outcome = stillOnline ? null : await presence.LeftAsync(user);
            if (since < patience || (outcome is not null && outcome != PublishOutcome.StillOnline))
            {
                _departing.Remove((user, since));
            }
            if (outcome == PublishOutcome.Published)
            {
                presence.NameFreed(user);
            }
        }
    }

    // A session whose name is no longer its own (another's, or held by the operator) ends here.
    private async Task RenewQuietlyAsync(IReadOnlyList<(ChatUser, int)> renewed)
    {
        try
        {
            foreach (var lost in await backplane.RenewAsync(renewed))
            {
                EndSession(lost);
            }
        }
        catch (StoreUnavailableException)
        {
            // The next renewal (IdleUserSweeper) tries again.
        }
    }
}
