using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;
using AspireChat.ChatService.Users;
using AspireChat.Conventions;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Stores.InMemory;

// A room this process holds alone: UserRegistry is the list of names, and each message is numbered
// here and handed to RoomFanOut at once, so a send returns how many streams it reached. Nothing
// here waits: every ValueTask it returns has completed. The operator's mutes and holds are kept
// here too, by name, until their time.
public sealed class InMemoryRoomStore : IRoomStore
{
    private readonly UserRegistry _users;
    private readonly RoomFanOut _fanOut;
    private readonly TimeProvider _timeProvider;
    private readonly string _replicaName;
    private readonly TimedNames<Mute> _mutes;
    private readonly TimedNames<OperatorHold> _holds;
    // Users the operator disconnected, whose LEFT notices go out with the next sweep (the
    // notices' budget is the sweep's to spend).
    private readonly ConcurrentQueue<ChatUser> _disconnected = new();
    // Orders registrations, expiries and their JOINED/LEFT notices (taken before the registry's
    // lock and the fan-out's, never after).
    private readonly Lock _presenceLock = new();
    // Numbers the messages in the order the fan-out delivers them (taken before the fan-out's lock).
    private readonly Lock _numberingLock = new();
    private long _lastSequence;

    public InMemoryRoomStore(UserRegistry users, RoomFanOut fanOut, IOptions<ChatOptions> options, TimeProvider timeProvider)
    {
        _users = users;
        _fanOut = fanOut;
        _timeProvider = timeProvider;
        _replicaName = options.Value.ReplicaName;
        _mutes = new(timeProvider, mute => mute.Until);
        _holds = new(timeProvider, hold => hold.Until);
        // One epoch for the life of the process: its sequence numbers start again after a restart.
        fanOut.Restart(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), history: [], lastSequence: 0);
    }

    public ValueTask<Registration> RegisterAsync(string name, string? sessionToken, string connectionKey, string address, PresenceNotices presence)
    {
        lock (_presenceLock)
        {
            if (_holds.Find(name) is { } hold)
            {
                return ValueTask.FromResult(new Registration(null, IsNew: false, Expired: null, HeldByOperatorUntil: hold.Until));
            }
            var registration = _users.Register(name, sessionToken, connectionKey, address);
            if (registration.Expired is { } expired)
            {
                Leave(expired, presence);
            }
            if (registration is { User: { } user, IsNew: true })
            {
                Wait(presence.JoinedAsync(user));
            }
            return ValueTask.FromResult(registration);
        }
    }

    // Every session is this process's: UserRegistry knows them all.
    public ValueTask<ChatUser?> FindSessionAsync(string sessionToken) => ValueTask.FromResult<ChatUser?>(null);

    public ValueTask<PublishResult> PublishAsync(MessageKind kind, ChatUser sender, string text, string? recipientName)
    {
        if (kind == MessageKind.Chat && _mutes.Find(sender.Name) is { } mute)
        {
            return ValueTask.FromResult(new PublishResult(PublishOutcome.Muted, Mute: mute));
        }
        ChatUser? recipient = null;
        if (recipientName is not null && (recipient = _users.FindByName(recipientName)) is null)
        {
            return ValueTask.FromResult(new PublishResult(PublishOutcome.UnknownRecipient));
        }
        return ValueTask.FromResult(Publish(kind, sender.Name, text, recipient));
    }

    public ValueTask<IReadOnlyList<OnlineEntry>> OnlineAsync() =>
        ValueTask.FromResult<IReadOnlyList<OnlineEntry>>([.. _users.Online().Select(Entry)]);

    public Task SweepAsync(PresenceNotices presence)
    {
        lock (_presenceLock)
        {
            // Their names are held: gone from the room, not free.
            while (_disconnected.TryDequeue(out var disconnected))
            {
                Wait(presence.LeftAsync(disconnected));
            }
            foreach (var user in _users.RemoveExpired())
            {
                Leave(user, presence);
            }
        }
        _mutes.Sweep();
        _holds.Sweep();
        return Task.CompletedTask;
    }

    // A name is held here for as long as its streams are open (UserRegistry).
    public Task HoldNameAsync(ChatUser user) => Task.CompletedTask;

    // UserRegistry.CloseStream has started the grace period.
    public void LastStreamClosed(ChatUser user)
    {
    }

    public ValueTask<PublishResult> AnnounceAsync(string text) =>
        ValueTask.FromResult(Publish(MessageKind.Announcement, Usernames.Announcer, text, recipient: null));

    // The session ends first, so a stream it opens from now on is refused, and one opened before
    // gets the notice; then the notice ends the streams it reaches.
    public ValueTask<string?> DisconnectAsync(string name, string reason, DateTimeOffset heldUntil)
    {
        lock (_presenceLock)
        {
            if (_users.FindByName(name) is not { } user)
            {
                return ValueTask.FromResult<string?>(null);
            }
            _holds.Set(user.Name, new OperatorHold(heldUntil));
            _users.Forget(user);
            _disconnected.Enqueue(user);
            Publish(MessageKind.Disconnect, Usernames.Announcer, ModerationTexts.DisconnectNotice(user.Name, reason, heldUntil), user);
            return ValueTask.FromResult<string?>(user.Name);
        }
    }

    public ValueTask<string?> MuteAsync(string name, Mute mute)
    {
        if (_users.FindByName(name) is not { } user)
        {
            return ValueTask.FromResult<string?>(null);
        }
        _mutes.Set(user.Name, mute);
        return ValueTask.FromResult<string?>(user.Name);
    }

    public ValueTask<bool> UnmuteAsync(string name) => ValueTask.FromResult(_mutes.Remove(name));

    // Every live message here comes after the subscription began, whatever the resume point (one
    // from before a restart may be ahead of this run's numbers).
    public long SkipThrough(long resumeAfter) => 0;

    // Numbers the message and delivers it here at once.
    private PublishResult Publish(MessageKind kind, string sender, string text, ChatUser? recipient)
    {
        // Without a listener on the room's source, the request's own span still links receivers to the call.
        var trace = Activity.Current;
        ChatMessage message;
        int deliveries;
        List<Subscription>? dropped;
        lock (_numberingLock)
        {
            message = new ChatMessage(++_lastSequence, _timeProvider.GetUtcNow(), kind, sender, text, recipient?.Id, recipient?.Name, trace?.Id, trace?.TraceStateString);
            deliveries = _fanOut.Deliver(message, out dropped);
        }
        _fanOut.Report(message, deliveries, dropped);
        return new PublishResult(PublishOutcome.Published, message, deliveries);
    }

    private OnlineEntry Entry(ChatUser user)
    {
        var streams = _users.StreamsOf(user);
        return new OnlineEntry(user.Name, user.OnlineSince, streams, streams > 0 ? [new ReplicaStreams(_replicaName, streams)] : [], _mutes.Find(user.Name)?.Until);
    }

    // The name is free here as soon as it has expired, whether or not the budget lets its notice out.
    private static void Leave(ChatUser user, PresenceNotices presence)
    {
        Wait(presence.LeftAsync(user));
        presence.NameFreed(user);
    }

    // A notice published here has gone out when its call returns (PublishAsync never waits), so it
    // goes out under the presence lock, in the order of the registrations and expiries.
    private static void Wait<T>(ValueTask<T> notice)
    {
        EnsureCompleted(notice.IsCompleted);
        notice.GetAwaiter().GetResult();
    }

    private static void Wait(ValueTask notice)
    {
        EnsureCompleted(notice.IsCompleted);
        notice.GetAwaiter().GetResult();
    }

    private static void EnsureCompleted(bool completed)
    {
        if (!completed)
        {
            throw new InvalidOperationException("A presence notice of the in-memory room did not complete at once.");
        }
    }

    private sealed record OperatorHold(DateTimeOffset Until);
}
