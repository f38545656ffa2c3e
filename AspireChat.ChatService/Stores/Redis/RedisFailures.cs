using AspireChat.ChatService.Model;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// What the Redis client raises when Redis fails, as the caller is to be told it
// (StoreUnavailableException): whether the step was done, was not, or may have been.
internal static class RedisFailures
{
    private const string NotDone = "The chat's shared store (Redis) cannot be reached; nothing was done. Try again shortly.";

    private const string NotKnown = "The chat's shared store (Redis) did not answer in time, so whether this was done is not known; check before you try again.";

    // Redis answered: it refuses every write that could make it grow (maxmemory, no eviction),
    // before the step's first write, so nothing of the step was done.
    private const string OutOfMemory = "The chat's shared store (Redis) is out of memory; nothing was done. Try again later.";

    public static async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception ex) when (Unavailable(ex) is { } unavailable)
        {
            throw unavailable;
        }
    }

    // Null for anything but a failure of Redis (a fault of this code). Nothing of ours cancels a
    // step, so a cancellation is the client's own, and like a connection or subscription torn
    // down under a caller (InvalidOperationException: ObjectDisposedException,
    // ChannelClosedException, a completed pipe's reader) it does not say whether the command was
    // written: whether it ran is not known.
    public static StoreUnavailableException? Unavailable(Exception ex) => ex switch
    {
        RedisServerException when ex.Message.StartsWith("OOM", StringComparison.Ordinal) => new(OutOfMemory, ex) { IsOutOfMemory = true },
        RedisServerException
            or RedisTimeoutException { Commandstatus: CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog }
            or RedisConnectionException { CommandStatus: CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog } => new(NotDone, ex),
        // Sent (or it is not known whether it was), and no answer: it may have run (a message
        // may have been sent after all).
        RedisException or RedisTimeoutException or InvalidOperationException or OperationCanceledException => new(NotKnown, ex),
        _ => null,
    };

    // Why Redis failed, in a few words for one log line: the client's own messages run to a
    // paragraph of counters ("..., mgr: 10 of 10 available, IOCP: ..."), its first clause says it.
    public static string Reason(StoreUnavailableException ex)
    {
        var cause = ex.InnerException switch
        {
            RedisConnectionException connection => $"{connection.FailureType}: {FirstClause(connection.InnerException ?? connection)}",
            RedisTimeoutException => "no answer in time",
            { } other => FirstClause(other),
            null => ex.Message,
        };
        return cause.ReplaceLineEndings(" ");
    }

    private static string FirstClause(Exception ex)
    {
        var message = ex.Message;
        var end = message.IndexOfAny([',', ';']);
        return end > 0 ? message[..end] : message;
    }
}
