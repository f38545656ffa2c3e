using Grpc.Core;

namespace AspireChat.Bench.Scenarios;

// A scenario's sends, counted as they are answered from any number of tasks: accepted, refused
// (any answer but accepted), failed (a gRPC error while the run was on).
internal sealed class SendCounts
{
    private long _accepted;
    private long _refused;
    private long _failed;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Refused => Interlocked.Read(ref _refused);

    public long Failed => Interlocked.Read(ref _failed);

    public async Task SendAsync(Func<string, CancellationToken, Task<bool>> send, string text, CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Increment(ref await send(text, cancellationToken) ? ref _accepted : ref _refused);
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
