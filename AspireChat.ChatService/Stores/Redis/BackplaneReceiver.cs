using System.Diagnostics;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// Brings every message of the shared room to this replica's listeners, once each and in sequence
// order. Redis pub/sub is fast but may lose messages while a connection is down, so the sequence
// numbers are checked: a gap is filled from the shared history (the log), and once a second, with
// nothing arriving, the log is asked whether anything was missed. Every entry names its epoch, so
// a room started again (Redis lost its data) is noticed with its first message. One loop does it
// all: it is the only caller of RoomFanOut.Deliver and RoomFanOut.Restart in a shared room.
public sealed class BackplaneReceiver(RedisBackplane backplane, RoomFanOut fanOut, IOptions<ChatOptions> options, ChatTelemetry telemetry, RedisOutage outage, ILogger<BackplaneReceiver> logger) : BackgroundService
{
    private static readonly TimeSpan s_idleCheck = TimeSpan.FromSeconds(1);
    private readonly int _historySize = options.Value.HistorySize;
    private string? _epoch;
    private long _applied;

    // Never ends before the host stops, whatever Redis does: a step Redis could not take is tried
    // again (Retry), and a subscription whose queue was completed is made again.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = Retry();
        while (!stoppingToken.IsCancellationRequested)
        {
            var queue = await ConnectAsync(retry, stoppingToken);
            await ReceiveAsync(queue, retry, stoppingToken);
            BackplaneLog.SubscriptionEnded(logger);
        }
    }

    // Subscribed before the history is read, so nothing falls between the two (duplicates are
    // dropped by their sequence numbers). Until then the room refuses Listen calls (UNAVAILABLE).
    // Redis's client subscribes again by itself after a reconnect; only a queue it completed
    // (the subscription removed) needs this again.
    private async Task<ChannelMessageQueue> ConnectAsync(ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        var queue = await retry.ExecuteAsync(async _ => await backplane.SubscribeAsync(), cancellationToken);
        await retry.ExecuteAsync(async _ => await CatchUpAsync(), cancellationToken);
        outage.Answered();
        BackplaneLog.Joined(logger, backplane.ReplicaId, _epoch!, _applied);
        return queue;
    }

    // Applies what the subscription brings, and catches up after every idle second, until the
    // queue is completed and can no longer be read.
    private async Task ReceiveAsync(ChannelMessageQueue queue, ResiliencePipeline retry, CancellationToken stoppingToken)
    {
        while (await NextAsync(queue, stoppingToken) is (var entry, Ended: false))
        {
            try
            {
                await retry.ExecuteAsync(async _ => await StepAsync(entry), stoppingToken);
                outage.Answered();
            }
            catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException)
            {
                // Not written by a replica of this room: skipped (the log fills any real gap).
                BackplaneLog.MalformedEntry(logger, ex.Message);
            }
        }
    }

    private Task StepAsync(ChannelMessage? frame) => frame is { } message
        ? ApplyAsync(BackplaneCodec.DecodeFrame(((ReadOnlyMemory<byte>)message.Message).Span, _epoch))
        : CatchUpAsync();

    // A batch's messages, in order: once one of them has started the room again, the others are
    // in the log that caught it up.
    private async Task ApplyAsync(List<BackplaneEntry> entries)
    {
        foreach (var entry in entries)
        {
            await ApplyAsync(entry);
        }
    }

    // Redis away (or out of memory): the same step again, soon and then at most every 5 s, told to
    // the outage (which says so in the log once, not once a try). Steps can be repeated: what is
    // applied is never applied twice.
    private ResiliencePipeline Retry() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<StoreUnavailableException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(5),
            OnRetry = args =>
            {
                outage.Failed((StoreUnavailableException)args.Outcome.Exception!);
                return default;
            },
        })
        .Build();

    // The next message from the channel, or none after a second without one; Ended once the
    // queue has been completed (reading it throws then: ChannelClosedException, or the error it
    // was completed with).
    private static async Task<(ChannelMessage? Message, bool Ended)> NextAsync(ChannelMessageQueue queue, CancellationToken cancellationToken)
    {
        if (queue.TryRead(out var ready))
        {
            return (ready, false);
        }
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(s_idleCheck);
        try
        {
            return (await queue.ReadAsync(idle.Token), false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, queue.Completion.IsCompleted);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && queue.Completion.IsCompleted)
        {
            return (null, true);
        }
    }

    private async Task ApplyAsync(BackplaneEntry entry)
    {
        if (entry.Epoch != _epoch)
        {
            // A new room (Redis lost its data), or a stale entry of the old one: the state tells.
            await CatchUpAsync();
            return;
        }
        var message = entry.Message;
        if (message.Sequence <= _applied)
        {
            return;
        }
        if (message.Sequence > _applied + 1 && !await FillAsync(message.Sequence - 1))
        {
            return;
        }
        Deliver(message);
    }

    // Reads what the log holds after the last applied message; a new epoch starts this replica's
    // room again.
    private async Task CatchUpAsync()
    {
        var (epoch, sequence) = await backplane.ReadStateAsync();
        if (epoch != _epoch)
        {
            await RestartAsync(epoch, sequence);
        }
        else if (sequence > _applied)
        {
            await FillAsync(sequence);
        }
    }

    private async Task RestartAsync(string epoch, long sequence)
    {
        var history = (await backplane.ReadLatestAsync(_historySize)).Where(e => e.Epoch == epoch).Select(e => e.Message).ToArray();
        if (_epoch is not null)
        {
            BackplaneLog.EpochChanged(logger, _epoch, epoch);
        }
        _epoch = epoch;
        _applied = history.Length > 0 ? Math.Max(history[^1].Sequence, sequence) : sequence;
        fanOut.Restart(epoch, history, _applied);
    }

    // Delivers what the log holds up to a sequence number; false when the log is of another epoch
    // (the room has been started again instead).
    private async Task<bool> FillAsync(long through)
    {
        var filled = 0;
        while (_applied < through)
        {
            var batch = await backplane.ReadAfterAsync(_applied, 500);
            if (batch.Any(e => e.Epoch != _epoch))
            {
                await CatchUpAsync();
                return false;
            }
            foreach (var message in batch.Select(e => e.Message).Where(m => m.Sequence <= through))
            {
                Deliver(message);
                filled++;
            }
            if (batch.Count < 500 || batch[^1].Message.Sequence >= through)
            {
                break;
            }
        }
        if (filled > 0)
        {
            BackplaneLog.GapFilled(logger, filled, through);
        }
        return true;
    }

    // The receivers' spans continue this one, whose parent is the sender's replica's publish.
    private void Deliver(ChatMessage message)
    {
        using var activity = ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent)
            ? telemetry.Source.StartActivity(ChatTelemetry.BackplaneDeliverSpan, ActivityKind.Consumer, parent)
            : null;
        activity?.SetTag(ChatTelemetry.SequenceTag, message.Sequence);
        activity?.SetTag(ChatTelemetry.UserTag, message.Sender);
        if (message.RecipientName is { } recipient)
        {
            activity?.SetTag(ChatTelemetry.RecipientTag, recipient);
        }
        var local = activity is null ? message : message with { TraceParent = activity.Id, TraceState = activity.TraceStateString };
        var deliveries = fanOut.Deliver(local);
        activity?.SetTag(ChatTelemetry.DeliveriesTag, deliveries);
        _applied = message.Sequence;
    }
}
