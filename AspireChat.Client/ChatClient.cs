using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AspireChat.Client.Connection;
using AspireChat.Client.Diagnostics;
using AspireChat.Client.Messaging;
using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using static AspireChat.Protocol.MessageResponse.Types;
using OnlineUser = AspireChat.Client.Messaging.OnlineUser;

namespace AspireChat.Client;

// The one client of the chat service for every .NET caller: registers with a session token,
// sends, and listens with automatic reconnect, re-registration after a service restart, and
// resume from the last message seen, so a caller sees every message once.
public sealed class ChatClient(ChatEndpointResolver endpoints, IOptions<ChatClientOptions> options, ILogger<ChatClient> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private readonly Lock _channelLock = new();
    // Cancelled by DisposeAsync before the channel goes: every ListenAsync then ends cleanly.
    private readonly CancellationTokenSource _disposing = new();
    private readonly ChatClientOptions _options = options.Value;
    private GrpcChannel? _channel;
    private Chat.ChatClient? _grpc;
    private volatile string? _sessionToken;

    public string? Username { get; private set; }

    public Uri? Endpoint { get; private set; }

    public async Task<RegistrationResult> RegisterAsync(string username, CancellationToken cancellationToken = default)
    {
        var grpc = await GetGrpcClientAsync(cancellationToken);
        var response = await grpc.AddUserAsync(new User { Username = username }, Headers(), cancellationToken: cancellationToken);
        if (response.Code != Code.Added)
        {
            var outcome = response.Code switch
            {
                Code.Taken => RegistrationOutcome.Taken,
                Code.RateLimited => RegistrationOutcome.RateLimited,
                _ => RegistrationOutcome.InvalidUsername,
            };
            return new RegistrationResult(outcome, response.Msg);
        }

        Username = response.Username is { Length: > 0 } stored ? stored : username;
        _sessionToken = response.SessionToken;
        ChatClientLog.Connected(logger, Endpoint!, Username);
        return new RegistrationResult(RegistrationOutcome.Added, response.Msg, Username);
    }

    public async Task<SendResult> SendAsync(string text, CancellationToken cancellationToken = default)
    {
        var username = Username ?? throw new InvalidOperationException("Register a username before sending.");
        using var activity = ChatClientTelemetry.Source.StartActivity(ChatClientTelemetry.SendSpan, ActivityKind.Producer);
        activity?.SetTag("chat.user", username);

        var response = await WithSessionAsync(
            grpc => grpc.SendMessageAsync(new Message { Msg = text, User = new User { Username = username } }, Headers(), cancellationToken: cancellationToken).ResponseAsync,
            cancellationToken);

        var outcome = response.Code switch
        {
            Code.Sent => SendOutcome.Sent,
            Code.UnknownRecipient => SendOutcome.UnknownRecipient,
            Code.RateLimited => SendOutcome.RateLimited,
            _ => SendOutcome.InvalidMessage,
        };
        activity?.SetTag("chat.outcome", outcome.ToString());
        activity?.SetTag("chat.sequence", (long)response.Sequence);
        return new SendResult(outcome, response.Msg, (long)response.Sequence);
    }

    public async Task<IReadOnlyList<OnlineUser>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        var grpc = await GetGrpcClientAsync(cancellationToken);
        var response = await grpc.ListUsersAsync(new ListUsersRequest(), Headers(), cancellationToken: cancellationToken);
        return [.. response.Users.Select(u => new OnlineUser(u.Username, u.OnlineSince?.ToDateTimeOffset() ?? default, (int)u.Listeners))];
    }

    /// <summary>
    /// Messages and connection changes until cancelled. Never ends on a lost connection: it
    /// reconnects with backoff and resumes after the last message seen. Right after a reconnect
    /// that could not recover everything (the service restarted, or its history no longer holds
    /// part of what was missed) it yields a <see cref="ChatMessagesMissed"/>.
    /// </summary>
    /// <exception cref="ChatSessionLostException">The username was taken by somebody else while the session was gone.</exception>
    public async IAsyncEnumerable<ChatEvent> ListenAsync(ListenOptions? listenOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Username is null)
        {
            throw new InvalidOperationException("Register a username before listening.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        // The pump is the stream's only reader; the caller's pace holds it back (bounded).
        var events = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        var pump = PumpAsync(listenOptions ?? new ListenOptions(), events.Writer, stop.Token);
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

    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }
        await _disposing.CancelAsync();
        _channel?.Dispose();
    }

    private async Task PumpAsync(ListenOptions listenOptions, ChannelWriter<ChatEvent> events, CancellationToken cancellationToken)
    {
        long? lastSeen = null;
        long? resumeAfter = null;
        string? epoch = null;
        string? staleToken = null;
        // The history the first Listen asked for, until a message arrives: a stream that drops
        // before then asks for it again (once one has arrived, resuming after it is complete).
        var historyPending = listenOptions.History > 0;
        var attempt = 0;
        try
        {
            while (true)
            {
                string reason;
                try
                {
                    var grpc = await GetGrpcClientAsync(cancellationToken);
                    if (staleToken is not null)
                    {
                        await RestoreSessionAsync(staleToken, cancellationToken);
                        staleToken = null;
                    }

                    var request = new ListenRequest { IncludePresence = listenOptions.IncludePresence, ResumeEpoch = epoch ?? "" };
                    if (resumeAfter is { } after && !historyPending)
                    {
                        request.ResumeAfter = (ulong)after;
                    }
                    else
                    {
                        request.History = (uint)listenOptions.History;
                        resumeAfter = null;
                    }

                    var token = _sessionToken;
                    using var call = grpc.Listen(request, Headers(token), cancellationToken: cancellationToken);
                    var headers = await call.ResponseHeadersAsync;
                    if (headers.GetValue(ChatMetadata.EpochHeader) is not { } streamEpoch)
                    {
                        // Refused before the stream began (trailers only): reading surfaces the status.
                        await call.ResponseStream.MoveNext(cancellationToken);
                        throw new RpcException(call.GetStatus());
                    }
                    var restarted = epoch is not null && streamEpoch != epoch;
                    if (restarted)
                    {
                        // A restarted service numbers its messages from 1 again, and has just
                        // replayed its history from the start.
                        lastSeen = null;
                        resumeAfter = 0;
                    }
                    epoch = streamEpoch;
                    resumeAfter ??= ParseHeader(headers, ChatMetadata.SequenceHeader);
                    await AnnounceAsync(events, attempt > 0, restarted, ParseHeader(headers, ChatMetadata.MissedHeader) ?? 0, cancellationToken);
                    attempt = 0;

                    await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                    {
                        var sequence = (long)message.Sequence;
                        if (sequence <= lastSeen)
                        {
                            continue;
                        }
                        lastSeen = resumeAfter = sequence;
                        historyPending = false;
                        await events.WriteAsync(new ChatMessageReceived(ToMessage(message, TraceReceived(message))), cancellationToken);
                    }
                    reason = "the service ended the stream";
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated && staleToken is null)
                {
                    // Register again at once; only if that fails too does the backoff apply.
                    staleToken = _sessionToken ?? "";
                    ChatClientLog.ConnectionLost(logger, "the service no longer knows this session", attempt, TimeSpan.Zero);
                    continue;
                }
                catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    reason = ex.Status.Detail is { Length: > 0 } detail ? $"{ex.StatusCode}: {detail}" : ex.StatusCode.ToString();
                }

                attempt++;
                var delay = Backoff(attempt);
                ChatClientLog.ConnectionLost(logger, reason, attempt, delay);
                await events.WriteAsync(new ChatConnectionLost(reason, attempt, delay), cancellationToken);
                await Task.Delay(delay, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // Once stopped, whatever the pump was doing ends the stream cleanly: DisposeAsync disposes
            // the channel and its calls, so the next read can throw ObjectDisposedException rather
            // than the cancelled call's RpcException.
            events.TryComplete();
        }
        catch (Exception ex)
        {
            events.TryComplete(ex);
        }
    }

    // The stream is live; and if the service restarted or its history lacks part of what was
    // missed, the caller hears that in so many words rather than seeing a quiet gap.
    private async Task AnnounceAsync(ChannelWriter<ChatEvent> events, bool isReconnect, bool restarted, long missed, CancellationToken cancellationToken)
    {
        await events.WriteAsync(new ChatConnected(isReconnect, missed), cancellationToken);
        if (restarted || missed > 0)
        {
            ChatClientLog.MessagesMissed(logger, restarted, missed);
            await events.WriteAsync(new ChatMessagesMissed(restarted, missed), cancellationToken);
        }
    }

    // A call that needs the session: if the service has forgotten it, register again and retry once.
    private async Task<T> WithSessionAsync<T>(Func<Chat.ChatClient, Task<T>> call, CancellationToken cancellationToken)
    {
        var grpc = await GetGrpcClientAsync(cancellationToken);
        var token = _sessionToken;
        try
        {
            return await call(grpc);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            await RestoreSessionAsync(token ?? "", cancellationToken);
            return await call(grpc);
        }
    }

    // Registers the same name again, unless another caller already replaced the stale token.
    private async Task RestoreSessionAsync(string staleToken, CancellationToken cancellationToken)
    {
        await _sessionLock.WaitAsync(cancellationToken);
        try
        {
            if (_sessionToken != staleToken)
            {
                return;
            }
            ChatClientLog.Reregistering(logger, Username!);
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

    private async ValueTask<Chat.ChatClient> GetGrpcClientAsync(CancellationToken cancellationToken)
    {
        if (_grpc is { } existing)
        {
            return existing;
        }

        var endpoint = await endpoints.ResolveAsync(cancellationToken);
        lock (_channelLock)
        {
            if (_grpc is null)
            {
                Endpoint = endpoint;
                // A channel of its own, not an IHttpClientFactory client: the standard resilience
                // handler's timeouts would end a Listen stream that is meant to last.
                _channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
                {
                    HttpHandler = new SocketsHttpHandler
                    {
                        EnableMultipleHttp2Connections = true,
                        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                        KeepAlivePingDelay = _options.KeepAlivePingDelay,
                        KeepAlivePingTimeout = _options.KeepAlivePingTimeout,
                        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                        ConnectTimeout = TimeSpan.FromSeconds(5),
                    },
                });
                _grpc = new Chat.ChatClient(_channel);
            }
            return _grpc;
        }
    }

    private Metadata Headers() => Headers(_sessionToken);

    private static Metadata Headers(string? token) => token is not null ? new Metadata { { ChatMetadata.SessionTokenHeader, token } } : [];

    // Exponential, with "equal jitter" so clients that lost the service together do not return together.
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.ReconnectMaxDelay.TotalMilliseconds, _options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    // The receive span continues the trace the message carries: sender, service, every receiver.
    private ActivityContext TraceReceived(Message message)
    {
        if (!ActivityContext.TryParse(message.Traceparent, message.Tracestate, isRemote: true, out var parent))
        {
            return default;
        }
        using var activity = ChatClientTelemetry.Source.StartActivity(ChatClientTelemetry.ReceiveSpan, ActivityKind.Consumer, parent);
        activity?.SetTag("chat.user", Username);
        activity?.SetTag("chat.sender", message.User?.Username);
        activity?.SetTag("chat.sequence", (long)message.Sequence);
        activity?.SetTag("chat.kind", message.Recipient is null ? "broadcast" : "direct");
        return activity?.Context ?? parent;
    }

    private static long? ParseHeader(Metadata headers, string name) =>
        long.TryParse(headers.GetValue(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static ChatMessage ToMessage(Message message, ActivityContext trace) => new(
        (long)message.Sequence,
        message.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow,
        message.Kind switch
        {
            Message.Types.Kind.Joined => ChatMessageKind.Joined,
            Message.Types.Kind.Left => ChatMessageKind.Left,
            _ => ChatMessageKind.Chat,
        },
        message.User?.Username ?? "",
        message.Msg,
        message.Recipient?.Username is { Length: > 0 } recipient ? recipient : null,
        trace);
}
