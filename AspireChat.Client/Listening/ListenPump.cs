using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using AspireChat.Client.Connection;
using AspireChat.Client.Diagnostics;
using AspireChat.Client.Messaging;
using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;
using Polly;
using Polly.Retry;

namespace AspireChat.Client.Listening;

// The reader behind one ListenAsync: opens Listen streams one after another, resuming after the
// last message delivered, and writes what they carry, and every loss and return, to the events.
internal sealed class ListenPump
{
    private readonly ChatClient _client;
    private readonly ListenOptions _options;
    private readonly ChannelWriter<ChatEvent> _events;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _reconnect;
    private readonly ListenResumeState _resume;
    private bool _attempted;

    public ListenPump(ChatClient client, ChatClientOptions clientOptions, ListenOptions options, ChannelWriter<ChatEvent> events, ILogger logger)
    {
        _client = client;
        _options = options;
        _events = events;
        _logger = logger;
        _resume = new ListenResumeState(options.History);
        _reconnect = CreateReconnectPipeline(clientOptions);
    }

    // Ends when cancelled (the events complete) or when the session is lost for good, or ended by
    // the room's operator (the events complete with that exception).
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            Exception? lost = null;
            while (true)
            {
                using var call = await ReconnectAsync(lost, cancellationToken);
                lost = await ReadAsync(call, cancellationToken);
                if (lost is RpcException { StatusCode: StatusCode.Unauthenticated })
                {
                    // The service no longer knows this session (its name is another's now, say):
                    // OpenAsync registers again at once; only if that fails too does the backoff apply.
                    ChatClientLog.ConnectionLost(_logger, "the service no longer knows this session", 0, TimeSpan.Zero);
                    lost = null;
                    _attempted = false;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // Once stopped, whatever the pump was doing ends the stream cleanly: disposing the
            // client disposes the channel and its calls, so the next read can throw
            // ObjectDisposedException rather than the cancelled call's RpcException.
            _events.TryComplete();
        }
        catch (RpcException ex) when (OperatorDisconnect.Ended(ex))
        {
            // The room's operator ended the session, on an open stream or at opening one: the
            // end, not an outage to retry.
            _events.TryComplete(_client.Disconnect.Set(ex.Status.Detail, _logger, _client.Username));
        }
        catch (Exception ex)
        {
            _events.TryComplete(ex);
        }
    }

    // Every stream lost, or not opened, is retried with exponential backoff and jitter, so that
    // clients that lost the service together do not return together: the nth delay is between half
    // and all of ReconnectMinDelay × 2ⁿ⁻¹, at most ReconnectMaxDelay.
    private ResiliencePipeline CreateReconnectPipeline(ChatClientOptions clientOptions) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(
                (args.Outcome.Exception is RpcException rpc ? !OperatorDisconnect.Ended(rpc) : args.Outcome.Exception is ListenStreamEndedException) && !args.Context.CancellationToken.IsCancellationRequested),
            MaxRetryAttempts = int.MaxValue,
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff(clientOptions, args.AttemptNumber)),
            OnRetry = AnnounceLostAsync,
        })
        .Build();

    private static TimeSpan Backoff(ChatClientOptions options, int attempt)
    {
        var ceiling = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    // One outage, from the stream just lost (none at the start) to the next live one. The loss is
    // its first failed attempt, so the first delay follows it; Polly's attempts, and so the
    // backoff, start again from the shortest delay after every stream that went live.
    private async ValueTask<AsyncServerStreamingCall<Message>> ReconnectAsync(Exception? lost, CancellationToken cancellationToken) =>
        await _reconnect.ExecuteAsync(async token =>
        {
            if (lost is { } loss)
            {
                lost = null;
                ExceptionDispatchInfo.Throw(loss);
            }
            return await OpenAsync(token);
        }, cancellationToken);

    // A stream is open once its headers say in which epoch it resumes.
    private async Task<AsyncServerStreamingCall<Message>> OpenAsync(CancellationToken cancellationToken)
    {
        var isReconnect = _attempted;
        _attempted = true;
        var token = _client.SessionToken;
        try
        {
            return await StartListenAsync(token, isReconnect, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            // The service forgot the session (it restarted, say): register again at once (which
            // logs it); only if that fails too does the backoff apply.
            await _client.RestoreSessionAsync(token ?? "", cancellationToken);
            return await StartListenAsync(_client.SessionToken, isReconnect, cancellationToken);
        }
    }

    private async Task<AsyncServerStreamingCall<Message>> StartListenAsync(string? token, bool isReconnect, CancellationToken cancellationToken)
    {
        var grpc = await _client.GetGrpcClientAsync(cancellationToken);
        var call = grpc.Listen(_resume.NextRequest(_options.IncludePresence), _client.CallHeaders(token), cancellationToken: cancellationToken);
        try
        {
            var headers = await call.ResponseHeadersAsync;
            if (headers.GetValue(ChatMetadata.EpochHeader) is not { } epoch)
            {
                // Refused before the stream began (trailers only): reading surfaces the status.
                await call.ResponseStream.MoveNext(cancellationToken);
                throw new RpcException(call.GetStatus());
            }
            var restarted = _resume.Started(epoch, ParseHeader(headers, ChatMetadata.SequenceHeader));
            await AnnounceConnectedAsync(isReconnect, restarted, ParseHeader(headers, ChatMetadata.MissedHeader) ?? 0, cancellationToken);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    // Returns why the stream ended; throws only what ends the listening.
    private async Task<Exception> ReadAsync(AsyncServerStreamingCall<Message> call, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                if (_resume.TryAdvance((long)message.Sequence))
                {
                    var received = ReceivedMessages.ToChatMessage(message, _client.Username);
                    await _events.WriteAsync(new ChatMessageReceived(received), cancellationToken);
                }
            }
            return new ListenStreamEndedException();
        }
        // The operator's disconnect is not a loss: it ends the listening (RunAsync).
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && !OperatorDisconnect.Ended(ex))
        {
            return ex;
        }
    }

    // The stream is live; and if the service restarted or its history lacks part of what was
    // missed, the caller hears that in so many words rather than seeing a quiet gap.
    private async Task AnnounceConnectedAsync(bool isReconnect, bool restarted, long missed, CancellationToken cancellationToken)
    {
        await _events.WriteAsync(new ChatConnected(isReconnect, missed), cancellationToken);
        if (restarted || missed > 0)
        {
            ChatClientLog.MessagesMissed(_logger, restarted, missed);
            await _events.WriteAsync(new ChatMessagesMissed(restarted, missed), cancellationToken);
        }
    }

    private async ValueTask AnnounceLostAsync(OnRetryArguments<object> args)
    {
        var reason = args.Outcome.Exception switch
        {
            RpcException rpc => rpc.ToReason(),
            { } other => other.Message,
            null => "",
        };
        var attempt = args.AttemptNumber + 1;
        ChatClientLog.ConnectionLost(_logger, reason, attempt, args.RetryDelay);
        await _events.WriteAsync(new ChatConnectionLost(reason, attempt, args.RetryDelay), args.Context.CancellationToken);
    }

    private static long? ParseHeader(Metadata headers, string name) =>
        long.TryParse(headers.GetValue(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
