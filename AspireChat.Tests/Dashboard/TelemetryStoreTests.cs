extern alias dashboard;

using dashboard::AspireChat.Dashboard.Configuration;
using dashboard::AspireChat.Dashboard.Model;
using dashboard::AspireChat.Dashboard.Storage;
using AspireChat.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AspireChat.Tests.Dashboard;

// The store keeps memory bounded (Dashboard:TelemetryLimits) and stays consistent while
// exporters write and pages read at the same time.
public sealed class TelemetryStoreTests
{
    private static readonly TelemetryResource s_resource = new("svc", "svc-1");

    [Fact]
    public void Logs_BeyondTheLimit_DropTheOldest()
    {
        var store = Store(limits => limits.MaxLogCount = 3);

        store.AddLogs(Enumerable.Range(1, 5).Select(Log));

        Assert.Equal(["message 5", "message 4", "message 3"], store.GetLogs(new LogQuery()).Select(l => l.Message));
    }

    [Fact]
    public void Traces_BeyondTheLimit_DropTheOldestTrace_WithAllItsSpans()
    {
        var store = Store(limits => limits.MaxTraceCount = 2);

        store.AddSpans([Span("t1", "a"), Span("t2", "b"), Span("t1", "c"), Span("t3", "d")]);

        Assert.Null(store.GetTrace("t1"));
        Assert.Equal(["t3", "t2"], store.GetTraces().Select(t => t.TraceId));
    }

    [Fact]
    public void MetricSeries_KeepTheirLatestPoints()
    {
        var store = Store(limits => limits.MaxMetricsCount = 4);

        store.AddMetrics(Enumerable.Range(1, 10).Select(i => new MetricReading(s_resource, "meter", "test.gauge", "", "", "Gauge", [], DateTimeOffset.UnixEpoch.AddSeconds(i), i, null)));

        var points = store.GetInstruments(name: "test.gauge").Single().Series.Single().Points;
        Assert.Equal([7.0, 8.0, 9.0, 10.0], points.Select(p => p.Value));
    }

    [Fact]
    public void Spans_AreKeptOnce_AndAtMostTheLimitPerTrace()
    {
        var store = Store(limits => limits.MaxSpansPerTrace = 3);

        store.AddSpans([Span("t1", "a"), Span("t1", "a"), Span("t1", "b"), Span("t1", "c"), Span("t1", "d")]);

        Assert.Equal(["a", "b", "c"], store.GetTrace("t1")!.Select(s => s.SpanId).Order());
        Assert.Equal(3, store.GetTraces().Single().SpanCount);
    }

    [Fact]
    public void CumulativeHistogram_PlotsEachIntervalsP90_AndNothingForAnIntervalWithoutSamples()
    {
        var store = Store(_ => { });
        double[] bounds = [10, 20, 30];
        var start = DateTimeOffset.UnixEpoch;
        MetricReading Reading(int second, ulong[] counts) =>
            new(s_resource, "meter", "test.latency", "", "ms", "Histogram", [], start.AddSeconds(second), counts.Aggregate(0UL, (a, c) => a + c),
                new HistogramBuckets(counts.Aggregate(0UL, (a, c) => a + c), 0, counts, bounds, 0, 40, IsCumulative: true, start));

        store.AddMetrics([Reading(1, [10, 0, 0, 0]), Reading(2, [10, 0, 0, 0]), Reading(3, [10, 0, 10, 0])]);

        var points = store.GetInstruments(name: "test.latency").Single().Series.Single().Points;
        Assert.InRange(points[0].Value!.Value, 0, 10);
        Assert.Null(points[1].Value);
        Assert.Equal(0UL, points[1].Histogram!.Count);
        Assert.InRange(points[2].Value!.Value, 20, 30);
        Assert.Equal(10UL, points[2].Histogram!.Count);
    }

    [Fact]
    public void Defaults_AreAspires()
    {
        var limits = new DashboardOptions().TelemetryLimits;

        Assert.Equal((10_000, 10_000, 10_000), (limits.MaxLogCount, limits.MaxTraceCount, limits.MaxConsoleLogCount));
    }

    [Fact]
    public async Task ConcurrentIngestAndReads_StayWithinBounds_AndNeverFail()
    {
        var store = Store(limits => limits.MaxLogCount = 100);
        var notified = 0;
        using var subscription = store.Subscribe(_ => Interlocked.Increment(ref notified));

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                store.AddLogs([Log(w * 1000 + i)]);
                store.AddSpans([Span($"trace-{w}-{i % 50}", $"span-{i}")]);
            }
        }));
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                Assert.InRange(store.GetLogs(new LogQuery(Text: "message")).Count, 0, 100);
                foreach (var trace in store.GetTraces())
                {
                    Assert.InRange(trace.SpanCount, 1, 2000);
                }
            }
        }));
        await Task.WhenAll(writers.Concat(readers)).DefaultTimeout();

        Assert.Equal(100, store.GetLogs(new LogQuery(Limit: 1000)).Count);
        Assert.Equal(200, store.GetTraces().Count);
        Assert.Equal(4000, notified);
    }

    [Fact]
    public void Subscription_EndsWhenDisposed()
    {
        var store = Store(_ => { });
        var notified = 0;
        var subscription = store.Subscribe(_ => notified++);

        store.AddLogs([Log(1)]);
        subscription.Dispose();
        store.AddLogs([Log(2)]);

        Assert.Equal(1, notified);
    }

    private static TelemetryStore Store(Action<TelemetryLimitOptions> configure)
    {
        var options = new DashboardOptions();
        configure(options.TelemetryLimits);
        return new TelemetryStore(Options.Create(options));
    }

    private static LogEntry Log(int n) =>
        new(0, DateTimeOffset.UnixEpoch.AddSeconds(n), s_resource, "Information", 9, "test", $"message {n}", [], null, null);

    private static Span Span(string traceId, string spanId) =>
        new(traceId, spanId, null, spanId, "Internal", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMilliseconds(1), s_resource, "test", false, null, [], []);
}
