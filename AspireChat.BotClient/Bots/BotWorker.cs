using System.Diagnostics;
using AspireChat.Client;
using AspireChat.Client.Connection;
using AspireChat.Client.Messaging;
using AspireChat.Conventions;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AspireChat.BotClient.Bots;

// A scripted chat user: says its lines in a loop, answers a direct "ping" with "pong", and rides
// out chat-service restarts (the client reconnects and registers again).
public sealed class BotWorker(ChatClient client, IOptions<BotOptions> options, ILogger<BotWorker> logger) : BackgroundService
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(2);
    private readonly BotOptions _bot = options.Value;

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

    // The name may still be held by this bot's previous run (its grace period): keep trying.
    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            string reason;
            try
            {
                var result = await client.RegisterAsync(_bot.Name, cancellationToken);
                if (result.Outcome == RegistrationOutcome.Added)
                {
                    BotLog.Joined(logger, _bot.Name, client.Endpoint);
                    return;
                }
                reason = result.Message;
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                reason = ex.Status.Detail is { Length: > 0 } detail ? detail : ex.StatusCode.ToString();
            }
            BotLog.RegistrationFailed(logger, _bot.Name, reason, s_retryDelay);
            await Task.Delay(s_retryDelay, cancellationToken);
        }
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
            var result = await client.SendAsync(text, cancellationToken);
            BotLog.ScriptLine(logger, _bot.Name, lineNumber, result.IsSent ? "sent" : result.Message);
        }
        catch (Exception ex) when (ex is RpcException or ChatSessionLostException && !cancellationToken.IsCancellationRequested)
        {
            // The service is away: skip the line, the next one comes after its pause.
            BotLog.SendFailed(logger, _bot.Name, lineNumber, ex.Message);
        }
    }

    private async Task AnswerAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var chatEvent in client.ListenAsync(cancellationToken: cancellationToken))
                {
                    switch (chatEvent)
                    {
                        case ChatMessageReceived { Message: { IsDirect: true } message } when IsPingForMe(message):
                            await AnswerPingAsync(message, cancellationToken);
                            break;
                        case ChatConnectionLost lost:
                            BotLog.Connection(logger, _bot.Name, $"connection lost ({lost.Reason}), retry {lost.Attempt} in {lost.RetryIn}");
                            break;
                        case ChatConnected { IsReconnect: true }:
                            BotLog.Connection(logger, _bot.Name, "reconnected");
                            break;
                        case ChatMessagesMissed missed:
                            // A bot only answers pings: a lost one is worth a line in the log, no more.
                            BotLog.Connection(logger, _bot.Name, missed.ServiceRestarted
                                ? "the service restarted; messages sent while away may be lost"
                                : $"{missed.Count} messages sent while away are no longer in the history");
                            break;
                    }
                }
            }
            catch (ChatSessionLostException ex)
            {
                // Somebody took the name while the service was away: wait for it, then rejoin.
                BotLog.RegistrationFailed(logger, _bot.Name, ex.Message, s_retryDelay);
                await Task.Delay(s_retryDelay, cancellationToken);
                await RegisterAsync(cancellationToken);
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
            await client.SendAsync(DirectMessages.Format(ping.Sender, "pong"), cancellationToken);
            BotLog.PingAnswered(logger, _bot.Name, ping.Sender);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotLog.SendFailed(logger, _bot.Name, 0, ex.Message);
        }
    }

    private bool IsPingForMe(ChatMessage message) =>
        Usernames.Same(message.Recipient, client.Username)
        && string.Equals(message.Body, "ping", StringComparison.OrdinalIgnoreCase);
}
