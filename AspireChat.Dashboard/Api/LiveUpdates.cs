using System.Threading.Channels;
using AspireChat.Dashboard.Storage;

namespace AspireChat.Dashboard.Api;

// Server-sent events that tell an open page what changed (logs, traces ...), so it refreshes
// without a reload. Bursts are coalesced: at most a few events a second per page.
internal static class LiveUpdates
{
    private static readonly TimeSpan s_coalesce = TimeSpan.FromMilliseconds(250);

    public static async Task StreamAsync(HttpContext context, TelemetryStore telemetry, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // An open page must not hold the dashboard up when it stops.
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stream.Token;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";

        var pending = 0;
        var signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = telemetry.Subscribe(kind =>
        {
            Interlocked.Or(ref pending, (int)kind);
            signal.Writer.TryWrite(true);
        });

        try
        {
            await context.Response.WriteAsync(": live\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            while (await signal.Reader.WaitToReadAsync(cancellationToken))
            {
                signal.Reader.TryRead(out _);
                await Task.Delay(s_coalesce, cancellationToken);
                var kinds = (TelemetryKind)Interlocked.Exchange(ref pending, 0);
                if (kinds == TelemetryKind.None)
                {
                    continue;
                }
                var names = Enum.GetValues<TelemetryKind>().Where(k => k != TelemetryKind.None && kinds.HasFlag(k)).Select(k => k.ToString().ToLowerInvariant());
                await context.Response.WriteAsync($"data: {string.Join(',', names)}\n\n", cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away, or the dashboard is stopping.
        }
    }
}
