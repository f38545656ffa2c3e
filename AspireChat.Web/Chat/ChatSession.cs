using System.Diagnostics;
using System.Net;
using AspireChat.Client;
using AspireChat.Client.Connection;
using AspireChat.Client.Messaging;
using AspireChat.Conventions;
using AspireChat.Web.Diagnostics;
using Grpc.Core;

namespace AspireChat.Web.Chat;

// One page's chat, scoped to its circuit: its user (a ChatClient over the one connection every
// page shares), the lines received, who is online, and whether the stream is live. The listen
// loop and the page both touch it, so its state changes under a lock and the page reads copies.
// Disposing it (the tab closed: Blazor ends its circuit at once) ends the user's Listen stream,
// so the name's grace period starts then.
public sealed class ChatSession(ChatConnection connection, PersonAddress person, ILogger<ChatClient> clientLogger, ILogger<ChatSession> logger) : IAsyncDisposable
{
    // The most recent lines a page keeps; older ones scroll away.
    public const int MaxLines = 200;

    private const int HistoryOnJoin = 50;

    private readonly Lock _lock = new();
    private readonly List<ChatLine> _lines = [];
    private readonly SortedSet<string> _online = new(StringComparer.OrdinalIgnoreCase);
    private ChatClient? _client;
    private CancellationTokenSource? _listening;
    private Task _listenLoop = Task.CompletedTask;
    private long _lastLineId;

    // Raised, from any thread, whenever what the page shows changed.
    public event Action<SessionChange>? Changed;

    public string? Username => _client?.Username;

    public SavedSession? Saved => _client is { Username: { } name, SessionToken: { } token } ? new SavedSession(name, token) : null;

    public LinkState State { get; private set; }

    // Why the state is what it is, in the service's or the client's words; null when live.
    public string? StateReason { get; private set; }

    public IReadOnlyList<ChatLine> Lines
    {
        get { lock (_lock) { return [.. _lines]; } }
    }

    public IReadOnlyList<string> Online
    {
        get { lock (_lock) { return [.. _online]; } }
    }

    // Registers the name (again, under a kept session) and starts listening when added.
    public async Task<RegistrationResult> JoinAsync(string username, string? sessionToken, CancellationToken cancellationToken)
    {
        var client = new ChatClient(connection, clientLogger) { ForwardedFor = person.Address ?? IPAddress.None };
        var result = sessionToken is null
            ? await client.RegisterAsync(username, cancellationToken)
            : await client.ResumeAsync(username, sessionToken, cancellationToken);
        if (result.Outcome != RegistrationOutcome.Added)
        {
            await client.DisposeAsync();
            return result;
        }

        _client = client;
        SetState(LinkState.Reconnecting, "joining");
        StartListening();
        return result;
    }

    // Sends a line typed on the page: to the room, or with "@name ..." to that user only. A
    // direct message that was sent shows at once as "you → name" (the room does not send it back).
    public async Task<SendResult> SendAsync(string text, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("Join before sending.");
        // Its own trace: the circuit's connection (a request as long as the page is open) is not its parent.
        Activity.Current = null;
        using var activity = WebChatTelemetry.Source.StartActivity(WebChatTelemetry.SendSpan, ActivityKind.Server);
        activity?.SetTag("chat.user", client.Username);
        var result = await client.SendAsync(text, cancellationToken);
        activity?.SetTag("chat.outcome", result.Outcome.ToString());
        if (result.IsSent && DirectMessages.TryParse(text, out var recipient, out var body) && !Usernames.Same(recipient, client.Username))
        {
            Add(ChatLineKind.DirectOut, DateTimeOffset.UtcNow, client.Username!, body, recipient);
        }
        return result;
    }

    // After the operator's disconnect: the join form comes back, with the reason under it.
    public async Task LeaveAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            await client.DisposeAsync();
        }
        SetState(LinkState.Offline, StateReason);
    }

    private void StartListening()
    {
        _listening?.Dispose();
        _listening = new CancellationTokenSource();
        _listenLoop = Task.Run(() => ListenAsync(_client!, _listening.Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_listening is not null)
        {
            await _listening.CancelAsync();
        }
        await _listenLoop;
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }

    // One ListenAsync for the page's life: it reconnects and resumes by itself, each message once.
    private async Task ListenAsync(ChatClient client, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chatEvent in client.ListenAsync(new ListenOptions(IncludePresence: true, HistoryOnJoin), cancellationToken))
            {
                await OnEventAsync(client, chatEvent, cancellationToken);
            }
        }
        catch (ChatSessionLostException ex)
        {
            WebChatLog.SessionLost(logger, client.Username!, ex.Message);
            _client = null;
            await client.DisposeAsync();
            SetState(LinkState.Offline, ex.Message);
        }
        catch (ChatDisconnectedException ex)
        {
            // The session is over: the page shows why and stops (the client neither reconnects
            // nor sends now); the person chooses when to join again.
            WebChatLog.DisconnectedByOperator(logger, client.Username!, ex.Reason);
            SetState(LinkState.Disconnected, ex.Reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the page went away.
        }
    }

    private async Task OnEventAsync(ChatClient client, ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        switch (chatEvent)
        {
            case ChatMessageReceived { Message: var message }:
                OnMessage(message, client.Username);
                break;
            case ChatConnected:
                SetState(LinkState.Live, null);
                await RefreshOnlineAsync(client, cancellationToken);
                break;
            case ChatConnectionLost lost:
                SetState(LinkState.Reconnecting, lost.Reason);
                break;
            case ChatMessagesMissed missed:
                Add(ChatLineKind.Notice, DateTimeOffset.UtcNow, "", missed.ServiceRestarted
                    ? "The chat service restarted while you were away: messages sent to it before then are lost."
                    : $"{missed.Count} messages sent while you were away are no longer held by the service.");
                break;
        }
    }

    private void OnMessage(ChatMessage message, string? me)
    {
        if (message.IsDisconnectNotice)
        {
            // The listening ends next with the same reason, which the status shows.
            return;
        }
        var kind = message switch
        {
            { IsAnnouncement: true } => ChatLineKind.Announcement,
            { Kind: not ChatMessageKind.Chat } => ChatLineKind.Presence,
            { IsDirect: true } when Usernames.Same(message.Recipient, me) => ChatLineKind.DirectIn,
            { IsDirect: true } => ChatLineKind.DirectOut,
            _ => ChatLineKind.Broadcast,
        };
        bool onlineChanged;
        lock (_lock)
        {
            onlineChanged = message.Kind switch
            {
                ChatMessageKind.Joined => _online.Add(message.Sender),
                ChatMessageKind.Left => _online.Remove(message.Sender),
                _ => false,
            };
        }
        var text = kind == ChatLineKind.Presence ? (message.Kind == ChatMessageKind.Joined ? "joined" : "left") : message.Body;
        Add(kind, message.Timestamp, message.Sender, text, message.Recipient, onlineChanged ? SessionChange.Online : 0);
    }

    private async Task RefreshOnlineAsync(ChatClient client, CancellationToken cancellationToken)
    {
        try
        {
            var users = await client.ListUsersAsync(cancellationToken);
            lock (_lock)
            {
                _online.Clear();
                _online.UnionWith(users.Select(user => user.Username));
            }
            Changed?.Invoke(SessionChange.Online);
        }
        catch (RpcException ex)
        {
            // The list fills from presence notices meanwhile; the next reconnect asks again.
            WebChatLog.OnlineListFailed(logger, ex.StatusCode, ex.Status.Detail);
        }
    }

    private void Add(ChatLineKind kind, DateTimeOffset time, string sender, string text, string? recipient = null, SessionChange alsoChanged = 0)
    {
        lock (_lock)
        {
            _lines.Add(new ChatLine(++_lastLineId, time, kind, sender, text, recipient));
            if (_lines.Count > MaxLines)
            {
                _lines.RemoveRange(0, _lines.Count - MaxLines);
            }
        }
        Changed?.Invoke(SessionChange.Lines | alsoChanged);
    }

    private void SetState(LinkState state, string? reason)
    {
        State = state;
        StateReason = reason;
        Changed?.Invoke(SessionChange.Link);
    }
}
