using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AspireChat.Client.Connection;
using AspireChat.Client.Diagnostics;
using AspireChat.Client.Listening;
using AspireChat.Client.Messaging;
using AspireChat.Protocol;
using Grpc.Core;
using Microsoft.Extensions.Options;
using static AspireChat.Protocol.MessageResponse.Types;
using OnlineUser = AspireChat.Client.Messaging.OnlineUser;

namespace AspireChat.Client;

/// <summary>
/// The client of the chat service for every .NET caller: registers a username, sends, lists who
/// is online, and listens with automatic reconnect, re-registration after a service restart, and
/// resume from the last message seen, so that a listener sees every message once.
/// </summary>
/// <remarks>
/// Register with <see cref="RegisterAsync"/> before sending or listening. One instance is one
/// chat user; it is safe to send while listening, from any thread. Calls fail with
/// <see cref="RpcException"/> when the service cannot be reached or refuses them
/// (<see cref="StatusCode.Unavailable"/> means it is away: try again later). Registered by
/// <c>AddChatClient</c> as a singleton.
/// </remarks>
public sealed class ChatClient : IAsyncDisposable
{
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    // Cancelled by DisposeAsync before the channel goes: every ListenAsync then ends cleanly.
    private readonly CancellationTokenSource _disposing = new();
    private readonly ChatClientOptions _options;
    private readonly ChatConnection _connection;
    private readonly ILogger<ChatClient> _logger;
    private readonly bool _ownsConnection;
    private volatile string? _sessionToken;

    /// <summary>Creates a client with a connection of its own, where <paramref name="endpoints"/> say; it connects at its first call.</summary>
    /// <param name="endpoints">Where the chat service is.</param>
    /// <param name="options">Reconnect delays and keepalive (the "ChatClient" section).</param>
    /// <param name="logger">Connections, losses and re-registrations.</param>
    public ChatClient(ChatEndpointResolver endpoints, IOptions<ChatClientOptions> options, ILogger<ChatClient> logger)
        : this(new ChatConnection(endpoints, options), logger, ownsConnection: true)
    {
    }

    /// <summary>
    /// Creates a client, one more chat user, over a <paramref name="connection"/> that other
    /// clients share; disposing the client leaves the connection open.
    /// </summary>
    /// <param name="connection">The connection its calls go over.</param>
    /// <param name="logger">Connections, losses and re-registrations.</param>
    public ChatClient(ChatConnection connection, ILogger<ChatClient> logger)
        : this(connection, logger, ownsConnection: false)
    {
    }

    private ChatClient(ChatConnection connection, ILogger<ChatClient> logger, bool ownsConnection)
    {
        _connection = connection;
        _options = connection.Options;
        _logger = logger;
        _ownsConnection = ownsConnection;
    }

    /// <summary>The username as the service stored it, once registered; otherwise null.</summary>
    public string? Username { get; private set; }

    /// <summary>The service's address, once the first call has resolved it; otherwise null.</summary>
    public Uri? Endpoint => _connection.Endpoint;

    /// <summary>
    /// The session the service gave this user at registration, once registered; otherwise null.
    /// It is the user's proof of identity: keep it where only its owner can read it (a front end
    /// keeps it in the person's browser, protected), and hand it to <see cref="ResumeAsync"/>.
    /// </summary>
    public string? SessionToken => _sessionToken;

    /// <summary>
    /// The address of the person this client makes its calls for, sent with every call with
    /// <see cref="ChatClientOptions.FrontEndKey"/>: set by a front end the service trusts (a web
    /// app), whose one connection carries many people, so the service's per-address limits count
    /// each person rather than the front end. Null (the default): the connection's own address counts.
    /// </summary>
    public IPAddress? ForwardedFor { get; init; }

    /// <summary>
    /// Registers <paramref name="username"/> for this client. On <see cref="RegistrationOutcome.Added"/>
    /// the client holds the session that later calls use, and <see cref="Username"/> is set.
    /// </summary>
    /// <returns>The outcome, with the service's explanation fit to show a person.</returns>
    /// <exception cref="RpcException">The service could not be reached or refused the call.</exception>
    public async Task<RegistrationResult> RegisterAsync(string username, CancellationToken cancellationToken = default)
    {
        var grpc = await GetGrpcClientAsync(cancellationToken);
        var response = await grpc.AddUserAsync(new User { Username = username }, CallHeaders(_sessionToken), cancellationToken: cancellationToken);
        if (response.Code != Code.Added)
        {
            return new RegistrationResult(response.Code.ToRegistrationOutcome(), response.Msg);
        }

        Username = response.Username is { Length: > 0 } stored ? stored : username;
        _sessionToken = response.SessionToken;
        Disconnect.Clear();
        ChatClientLog.Connected(_logger, Endpoint!, Username);
        return new RegistrationResult(RegistrationOutcome.Added, response.Msg, Username);
    }

    /// <summary>
    /// Registers <paramref name="username"/> again under a session an earlier client of the same
    /// person held (its <see cref="SessionToken"/>, kept across a page reload): while the session is
    /// alive, or within its grace period, the service answers <see cref="RegistrationOutcome.Added"/>
    /// for that name and nobody else can take it. A forgotten session registers as a new one.
    /// </summary>
    /// <returns>The outcome, with the service's explanation fit to show a person.</returns>
    /// <exception cref="RpcException">The service could not be reached or refused the call.</exception>
    public async Task<RegistrationResult> ResumeAsync(string username, string sessionToken, CancellationToken cancellationToken = default)
    {
        _sessionToken = sessionToken;
        var result = await RegisterAsync(username, cancellationToken);
        if (result.Outcome != RegistrationOutcome.Added)
        {
            _sessionToken = null;
        }
        return result;
    }

    /// <summary>
    /// Sends <paramref name="text"/> to the room, or to one user when it starts with <c>@name</c>.
    /// If the service has forgotten the session (it restarted), registers the same name again and
    /// sends once more.
    /// </summary>
    /// <returns>Whether it was sent, and if so under which sequence number.</returns>
    /// <exception cref="InvalidOperationException">No username is registered yet.</exception>
    /// <exception cref="RpcException">The service could not be reached or refused the call.</exception>
    /// <exception cref="ChatSessionLostException">The session was forgotten and somebody else holds the name now.</exception>
    /// <exception cref="ChatDisconnectedException">The room's operator disconnected this user: register again first.</exception>
    public async Task<SendResult> SendAsync(string text, CancellationToken cancellationToken = default)
    {
        var username = Username ?? throw new InvalidOperationException("Register a username before sending.");
        Disconnect.ThrowIfSet();
        using var activity = ChatClientTelemetry.Source.StartActivity(ChatClientTelemetry.SendSpan, ActivityKind.Producer);
        activity?.SetTag("chat.user", username);

        var response = await WithSessionAsync(
            (grpc, token) => grpc.SendMessageAsync(new Message { Msg = text, User = new User { Username = username } }, CallHeaders(token), cancellationToken: cancellationToken).ResponseAsync,
            cancellationToken);

        var outcome = response.Code.ToSendOutcome();
        activity?.SetTag("chat.outcome", outcome.ToString());
        activity?.SetTag("chat.sequence", (long)response.Sequence);
        return new SendResult(outcome, response.Msg, (long)response.Sequence);
    }

    /// <summary>Who is online now, with how many streams each has open.</summary>
    /// <exception cref="RpcException">The service could not be reached or refused the call.</exception>
    public async Task<IReadOnlyList<OnlineUser>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        var grpc = await GetGrpcClientAsync(cancellationToken);
        var response = await grpc.ListUsersAsync(new ListUsersRequest(), CallHeaders(_sessionToken), cancellationToken: cancellationToken);
        return [.. response.Users.Select(u => new OnlineUser(u.Username, u.OnlineSince?.ToDateTimeOffset() ?? default, (int)u.Listeners))];
    }

    /// <summary>
    /// Messages and connection changes until cancelled. Never ends on a lost connection: it yields
    /// a <see cref="ChatConnectionLost"/>, reconnects with backoff and resumes after the last
    /// message seen. Right after a reconnect that could not recover everything (the service
    /// restarted, or its history no longer holds part of what was missed) it yields a
    /// <see cref="ChatMessagesMissed"/>. Ends with a <see cref="ChatDisconnectedException"/> when
    /// the room's operator disconnects this user (the service ends the stream with
    /// <see cref="StatusCode.PermissionDenied"/> and the "chat-disconnected" trailer): no reconnect
    /// then, and no registering again.
    /// </summary>
    /// <remarks>
    /// Cancelling, or disposing the client, ends the enumeration without an exception. The stream
    /// is read ahead into a bounded buffer, so a slow consumer holds back its own listener only.
    /// </remarks>
    /// <param name="listenOptions">Presence notices, and how much history to start with.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <exception cref="InvalidOperationException">No username is registered yet.</exception>
    /// <exception cref="ChatSessionLostException">The username was taken by somebody else while the session was gone.</exception>
    /// <exception cref="ChatDisconnectedException">The room's operator disconnected this user; its message is their reason.</exception>
    public async IAsyncEnumerable<ChatEvent> ListenAsync(ListenOptions? listenOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Username is null)
        {
            throw new InvalidOperationException("Register a username before listening.");
        }
        Disconnect.ThrowIfSet();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        // The pump is the stream's only reader; the caller's pace holds it back (bounded).
        var events = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        var pump = new ListenPump(this, _options, listenOptions ?? new ListenOptions(), events.Writer, _logger).RunAsync(stop.Token);
        try
        {
            await foreach (var chatEvent in events.Reader.ReadAllAsync(cancellationToken))
            {
                yield return chatEvent;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    /// <summary>Ends every <see cref="ListenAsync"/> and closes the connection. Calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }
        await _disposing.CancelAsync();
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    internal ValueTask<Chat.ChatClient> GetGrpcClientAsync(CancellationToken cancellationToken) => _connection.GetClientAsync(cancellationToken);

    internal Metadata CallHeaders(string? token) => _connection.CallHeaders(token, ForwardedFor);

    // Set by a listener the operator disconnected; cleared by the next registration.
    internal OperatorDisconnect Disconnect { get; } = new();

    // Registers the same name again, unless another caller already replaced the stale token.
    internal async Task RestoreSessionAsync(string staleToken, CancellationToken cancellationToken)
    {
        await _sessionLock.WaitAsync(cancellationToken);
        try
        {
            Disconnect.ThrowIfSet();
            if (_sessionToken != staleToken)
            {
                return;
            }
            ChatClientLog.Reregistering(_logger, Username!);
            var result = await RegisterAsync(Username!, cancellationToken);
            if (result.Outcome == RegistrationOutcome.RateLimited)
            {
                // Passing: the caller retries as after any refused call (a listener with its backoff).
                throw new RpcException(new Status(StatusCode.ResourceExhausted, result.Message));
            }
            if (result.Outcome != RegistrationOutcome.Added)
            {
                throw new ChatSessionLostException($"The username {Username} could not be registered again: {result.Message}");
            }
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    // A call that needs the session: if the service has forgotten it, register again and retry once.
    private async Task<T> WithSessionAsync<T>(Func<Chat.ChatClient, string?, Task<T>> call, CancellationToken cancellationToken)
    {
        var grpc = await GetGrpcClientAsync(cancellationToken);
        var token = _sessionToken;
        try
        {
            return await call(grpc, token);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            await RestoreSessionAsync(token ?? "", cancellationToken);
            return await call(grpc, _sessionToken);
        }
    }
}
