namespace AspireChat.Bench.Scenarios;

// Senders at full speed: each sends its next message as soon as the last is answered, until the
// time is up (the one in flight then is answered too). Messages are numbered from 1 per sender.
internal static class ClosedLoop
{
    public static async Task RunAsync(int senders, TimeSpan duration, Func<int, long, Task> sendNext, CancellationToken cancellationToken)
    {
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        sending.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, senders).Select(index => Task.Run(async () =>
        {
            for (long counter = 1; !sending.IsCancellationRequested; counter++)
            {
                await sendNext(index, counter);
            }
        }, cancellationToken)));
    }
}
