using Grpc.Core;

namespace AspireChat.Bench.Scenarios;

// A scenario's sends, counted as they are answered from any number of tasks: accepted, refused
// (any answer but accepted), failed (a gRPC error while the run was on).
internal sealed class SendCounts
{
    private long _accepted;
    private long _refused;
    private long _failed;

    public enum Outcome
    {
        Accepted,
        Refused,
        // No answer: the message may have gone out or not.
        Failed,
    }

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Refused => Interlocked.Read(ref _refused);

    public long Failed => Interlocked.Read(ref _failed);

    public async Task<Outcome> SendAsync(Func<string, CancellationToken, Task<bool>> send, string text, CancellationToken cancellationToken)
    {
        try
        {
            var accepted = await send(text, cancellationToken);
            Interlocked.Increment(ref accepted ? ref _accepted : ref _refused);
            return accepted ? Outcome.Accepted : Outcome.Refused;
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            return Outcome.Failed;
        }
    }
}
