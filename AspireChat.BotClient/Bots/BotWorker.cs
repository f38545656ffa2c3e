using System.Diagnostics;
using AspireChat.Client;
using AspireChat.Client.Connection;
using AspireChat.Client.Messaging;
using AspireChat.Conventions;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AspireChat.BotClient.Bots;

// A scripted chat user: says its lines in a loop, answers a direct "ping" with "pong", and rides
// out chat-service restarts (the client reconnects and registers again) and the room's operator
// (muted, it keeps to its script; disconnected, it joins again under its name once the hold ends).
public sealed class BotWorker : BackgroundService
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(2);
    private readonly ChatClient _client;
    private readonly BotOptions _bot;
    private readonly ILogger<BotWorker> _logger;
    // The name may still be held by this bot's previous run (its grace period): keep trying.
    private readonly ResiliencePipeline<RegistrationResult> _register;
    // Somebody took the name while the service was away: wait for it, then rejoin.
    private readonly ResiliencePipeline _rejoin;
    // The operator disconnected the bot and holds its name for a while: try now and then.
    private readonly ResiliencePipeline<RegistrationResult> _rejoinAfterHold;
    // The last refusal logged, so that a mute (a refusal per line) is one line in the log.
    private SendOutcome? _lastRefusal;

    public BotWorker(ChatClient client, IOptions<BotOptions> options, ILogger<BotWorker> logger)
    {
        _client = client;
        _bot = options.Value;
        _logger = logger;
        _register = CreateRegisterPipeline(s_retryDelay);
        _rejoin = CreateRejoinPipeline();
        _rejoinAfterHold = CreateRegisterPipeline(_bot.RejoinDelay);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterAsync(stoppingToken);
            await Task.WhenAll(AnswerAsync(stoppingToken), RunScriptAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task RegisterAsync(CancellationToken cancellationToken) => RegisterAsync(_register, cancellationToken);

    private async Task RegisterAsync(ResiliencePipeline<RegistrationResult> retry, CancellationToken cancellationToken)
    {
        await retry.ExecuteAsync(async token => await _client.RegisterAsync(_bot.Name, token), cancellationToken);
        BotLog.Joined(_logger, _bot.Name, _client.Endpoint);
    }

    private async Task RunScriptAsync(CancellationToken cancellationToken)
    {
        for (var loop = 1; _bot.Loops == 0 || loop <= _bot.Loops; loop++)
        {
            for (var i = 0; i < _bot.Script.Count; i++)
            {
                var line = _bot.Script[i];
                await SayAsync(line.Say, i + 1, cancellationToken);
                await Task.Delay(line.Pause, cancellationToken);
            }
            await Task.Delay(_bot.LoopPause, cancellationToken);
        }
    }

    private async Task SayAsync(string text, int lineNumber, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.SendAsync(text, cancellationToken);
            LogSent(result, lineNumber);
        }
        catch (ChatDisconnectedException)
        {
            // Disconnected by the operator: the listener has logged it and is joining again;
            // the lines meanwhile are skipped quietly.
        }
        catch (Exception ex) when (ex is RpcException or ChatSessionLostException && !cancellationToken.IsCancellationRequested)
        {
            // The service is away: skip the line, the next one comes after its pause.
            BotLog.SendFailed(_logger, _bot.Name, lineNumber, ex is RpcException rpc ? rpc.ToReason() : ex.Message);
        }
    }

    // A refusal once, not once per line: a muted bot keeps to its script and is refused each time.
    private void LogSent(SendResult result, int lineNumber)
    {
        if (result.IsSent)
        {
            _lastRefusal = null;
            BotLog.ScriptLine(_logger, _bot.Name, lineNumber, "sent");
        }
        else if (_lastRefusal != result.Outcome)
        {
            _lastRefusal = result.Outcome;
            BotLog.LineRefused(_logger, _bot.Name, lineNumber, result.Outcome, result.Message);
        }
    }

    // Listens until stopped; after the operator's disconnect, once the bot has its name again.
    private async Task AnswerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await ListenAndRejoinAsync(cancellationToken);
                return;
            }
            catch (ChatDisconnectedException ex)
            {
                // Refused as TAKEN while the hold lasts: one try, and one line, per RejoinDelay.
                BotLog.Disconnected(_logger, _bot.Name, InertText.Of(ex.Reason));
                await RegisterAsync(_rejoinAfterHold, cancellationToken);
            }
        }
    }

    // Listens until stopped; the first time already registered, then again after each rejoin.
    private async Task ListenAndRejoinAsync(CancellationToken cancellationToken)
    {
        var rejoining = false;
        await _rejoin.ExecuteAsync(async token =>
        {
            if (rejoining)
            {
                await RegisterAsync(token);
            }
            rejoining = true;
            await ListenAsync(token);
        }, cancellationToken);
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        await foreach (var chatEvent in _client.ListenAsync(cancellationToken: cancellationToken))
        {
            switch (chatEvent)
            {
                case ChatMessageReceived { Message: { IsAnnouncement: true } announcement }:
                    // Heard, never answered; the disconnect notice says what the listening's end says.
                    if (!announcement.IsDisconnectNotice)
                    {
                        BotLog.Announcement(_logger, _bot.Name, InertText.Of(announcement.Body));
                    }
                    break;
                case ChatMessageReceived { Message: { IsDirect: true } message } when IsPingForMe(message):
                    await AnswerPingAsync(message, cancellationToken);
                    break;
                case ChatConnectionLost lost:
                    BotLog.Connection(_logger, _bot.Name, $"connection lost ({lost.Reason}), retry {lost.Attempt} in {lost.RetryIn}");
                    break;
                case ChatConnected { IsReconnect: true }:
                    BotLog.Connection(_logger, _bot.Name, "reconnected");
                    break;
                case ChatMessagesMissed missed:
                    // A bot only answers pings: a lost one is worth a line in the log, no more.
                    BotLog.Connection(_logger, _bot.Name, missed.ServiceRestarted
                        ? "the service restarted; messages sent while away may be lost"
                        : $"{missed.Count} messages sent while away are no longer in the history");
                    break;
            }
        }
    }

    private async Task AnswerPingAsync(ChatMessage ping, CancellationToken cancellationToken)
    {
        // The pong continues the ping's trace.
        using var activity = BotTelemetry.Source.StartActivity("bot.answer_ping", ActivityKind.Internal, ping.Trace);
        activity?.SetTag("chat.user", _bot.Name);
        activity?.SetTag("chat.sender", ping.Sender);
        try
        {
            var result = await _client.SendAsync(DirectMessages.Format(ping.Sender, "pong"), cancellationToken);
            if (result.IsSent)
            {
                BotLog.PingAnswered(_logger, _bot.Name, ping.Sender);
            }
            else
            {
                LogSent(result, 0);
            }
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotLog.SendFailed(_logger, _bot.Name, 0, ex.ToReason());
        }
    }

    private ResiliencePipeline<RegistrationResult> CreateRegisterPipeline(TimeSpan delay) => new ResiliencePipelineBuilder<RegistrationResult>()
        .AddRetry(new RetryStrategyOptions<RegistrationResult>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: RpcException } => !args.Context.CancellationToken.IsCancellationRequested,
                { Exception: null, Result: var result } => result?.Outcome != RegistrationOutcome.Added,
                _ => false,
            }),
            OnRetry = args => LogRegistrationFailed(args.Outcome.Exception is RpcException ex ? ex.ToReason() : args.Outcome.Result?.Message ?? "", args.RetryDelay),
            MaxRetryAttempts = int.MaxValue,
            Delay = delay,
        })
        .Build();

    private ResiliencePipeline CreateRejoinPipeline() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ChatSessionLostException>(),
            OnRetry = args => LogRegistrationFailed(args.Outcome.Exception!.Message, args.RetryDelay),
            MaxRetryAttempts = int.MaxValue,
            Delay = s_retryDelay,
        })
        .Build();

    private ValueTask LogRegistrationFailed(string reason, TimeSpan delay)
    {
        BotLog.RegistrationFailed(_logger, _bot.Name, reason, delay);
        return ValueTask.CompletedTask;
    }

    private bool IsPingForMe(ChatMessage message) =>
        Usernames.Same(message.Recipient, _client.Username)
        && string.Equals(message.Body, "ping", StringComparison.OrdinalIgnoreCase);
}
