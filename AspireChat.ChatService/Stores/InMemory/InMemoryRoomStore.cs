using System.Diagnostics;
using System.Security.Cryptography;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;
using AspireChat.ChatService.Users;

namespace AspireChat.ChatService.Stores.InMemory;

// A room this process holds alone: UserRegistry is the list of names, and each message is numbered
// here and handed to RoomFanOut at once, so a send returns how many streams it reached. Nothing
// here waits: every ValueTask it returns has completed.
public sealed class InMemoryRoomStore : IRoomStore
{
    private readonly UserRegistry _users;
    private readonly RoomFanOut _fanOut;
    private readonly TimeProvider _timeProvider;
    // Orders registrations, expiries and their JOINED/LEFT notices (taken before the registry's
    // lock and the fan-out's, never after).
    private readonly Lock _presenceLock = new();
    // Numbers the messages in the order the fan-out delivers them (taken before the fan-out's lock).
    private readonly Lock _numberingLock = new();
    private long _lastSequence;

    public InMemoryRoomStore(UserRegistry users, RoomFanOut fanOut, TimeProvider timeProvider)
    {
        _users = users;
        _fanOut = fanOut;
        _timeProvider = timeProvider;
        // One epoch for the life of the process: its sequence numbers start again after a restart.
        fanOut.Restart(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), history: [], lastSequence: 0);
    }

    public ValueTask<Registration> RegisterAsync(string name, string? sessionToken, string connectionKey, string address, PresenceNotices presence)
    {
        lock (_presenceLock)
        {
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
        ChatUser? recipient = null;
        if (recipientName is not null && (recipient = _users.FindByName(recipientName)) is null)
        {
            return ValueTask.FromResult(new PublishResult(PublishOutcome.UnknownRecipient));
        }
        // Without a listener on the room's source, the request's own span still links receivers to the call.
        var trace = Activity.Current;
        ChatMessage message;
        int deliveries;
        List<Subscription>? dropped;
        lock (_numberingLock)
        {
            message = new ChatMessage(++_lastSequence, _timeProvider.GetUtcNow(), kind, sender.Name, text, recipient?.Id, recipient?.Name, trace?.Id, trace?.TraceStateString);
            deliveries = _fanOut.Deliver(message, out dropped);
        }
        _fanOut.Report(message, deliveries, dropped);
        return ValueTask.FromResult(new PublishResult(PublishOutcome.Published, message, deliveries));
    }

    public ValueTask<IReadOnlyList<OnlineEntry>> OnlineAsync() =>
        ValueTask.FromResult<IReadOnlyList<OnlineEntry>>([.. _users.Online().Select(u => new OnlineEntry(u.Name, u.OnlineSince, _users.StreamsOf(u)))]);

    public Task SweepAsync(PresenceNotices presence)
    {
        lock (_presenceLock)
        {
            foreach (var user in _users.RemoveExpired())
            {
                Leave(user, presence);
            }
        }
        return Task.CompletedTask;
    }

    // A name is held here for as long as its streams are open (UserRegistry).
    public Task HoldNameAsync(ChatUser user) => Task.CompletedTask;

    // UserRegistry.CloseStream has started the grace period.
    public void LastStreamClosed(ChatUser user)
    {
    }

    public ValueTask<PublishResult> AnnounceAsync(string text) => throw new NotImplementedException();

    public ValueTask<string?> DisconnectAsync(string name, string reason, DateTimeOffset heldUntil) => throw new NotImplementedException();

    public ValueTask<string?> MuteAsync(string name, Mute mute) => throw new NotImplementedException();

    public ValueTask<bool> UnmuteAsync(string name) => throw new NotImplementedException();

    // Every live message here comes after the subscription began, whatever the resume point (one
    // from before a restart may be ahead of this run's numbers).
    public long SkipThrough(long resumeAfter) => 0;

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
}
