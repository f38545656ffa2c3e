using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using AspireChat.Dashboard.Otlp.Proto;
using AspireChat.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AspireChat.Tests.Dashboard;

// The standalone dashboard receives what the OpenTelemetry .NET SDK exports, over OTLP/gRPC and
// OTLP/HTTP, and shows it through the UI's API; bad or unauthorised exports are refused clearly.
public sealed class OtlpIngestTests(DashboardProcess dashboard) : IClassFixture<DashboardProcess>
{
    public static TheoryData<OtlpExportProtocol> Protocols => [OtlpExportProtocol.Grpc, OtlpExportProtocol.HttpProtobuf];

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Spans_ExportedByTheSdk_AreStoredAsTraces(OtlpExportProtocol protocol)
    {
        var service = UniqueName.For($"traces-{protocol}");
        using var source = new ActivitySource(service);
        using (var tracing = Sdk.CreateTracerProviderBuilder().ConfigureResource(r => r.AddService(service, serviceInstanceId: "instance-1")).AddSource(service).AddOtlpExporter(o => Export(o, protocol, "traces")).Build())
        {
            using (var parent = source.StartActivity("parent.operation", ActivityKind.Server))
            {
                parent!.SetTag("test.key", "test value");
                using var child = source.StartActivity("child.operation", ActivityKind.Client);
                child!.SetStatus(ActivityStatusCode.Error, "it broke");
            }
            Assert.True(tracing.ForceFlush(10_000));
        }

        var traces = await dashboard.WaitForAsync($"/api/traces?resource={service}", t => t.GetArrayLength() == 1 && t[0].GetProperty("spanCount").GetInt32() == 2, "the trace");
        Assert.Equal($"{service}: parent.operation", traces[0].GetProperty("name").GetString());
        Assert.Equal(1, traces[0].GetProperty("errorCount").GetInt32());
        var trace = await dashboard.GetAsync($"/api/traces/{traces[0].GetProperty("traceId").GetString()}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        var parentSpan = spans.Single(s => s.GetProperty("name").GetString() == "parent.operation");
        var childSpan = spans.Single(s => s.GetProperty("name").GetString() == "child.operation");
        Assert.Equal(parentSpan.GetProperty("spanId").GetString(), childSpan.GetProperty("parentSpanId").GetString());
        Assert.Equal("Server", parentSpan.GetProperty("kind").GetString());
        Assert.Equal("instance-1", parentSpan.GetProperty("resource").GetProperty("instanceId").GetString());
        Assert.Contains(parentSpan.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "test.key" && a.GetProperty("value").GetString() == "test value");
        Assert.Equal("it broke", childSpan.GetProperty("statusMessage").GetString());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Logs_ExportedByTheSdk_AreStoredWithLevelCategoryAndTrace(OtlpExportProtocol protocol)
    {
        var service = UniqueName.For($"logs-{protocol}");
        using (var loggers = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(service));
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Export(e, protocol, "logs"));
        })))
        {
            loggers.CreateLogger("Test.Category").LogWarning("Disk {Disk} is {Percent}% full", "C", 93);
        }

        var logs = await dashboard.WaitForAsync($"/api/logs?resource={service}", l => l.GetArrayLength() == 1, "the log entry");
        Assert.Equal("Disk C is 93% full", logs[0].GetProperty("message").GetString());
        Assert.Equal("Warning", logs[0].GetProperty("severity").GetString());
        Assert.Equal("Test.Category", logs[0].GetProperty("category").GetString());
        Assert.Contains(logs[0].GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "Disk" && a.GetProperty("value").GetString() == "C");
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Metrics_ExportedByTheSdk_AreStoredAsSeries(OtlpExportProtocol protocol)
    {
        var service = UniqueName.For($"metrics-{protocol}");
        using var meter = new Meter(service);
        var counter = meter.CreateCounter<long>("test.requests", "{request}", "Requests handled.");
        var latency = meter.CreateHistogram<double>("test.latency", "ms");
        using (var metrics = Sdk.CreateMeterProviderBuilder().ConfigureResource(r => r.AddService(service)).AddMeter(service).AddOtlpExporter(o => Export(o, protocol, "metrics")).Build())
        {
            counter.Add(2, new KeyValuePair<string, object?>("route", "/a"));
            counter.Add(3, new KeyValuePair<string, object?>("route", "/a"));
            for (var i = 1; i <= 100; i++)
            {
                latency.Record(i);
            }
            Assert.True(metrics.ForceFlush(10_000));
        }

        var counters = await dashboard.WaitForAsync($"/api/metrics?resource={service}&name=test.requests", m => m.GetArrayLength() == 1, "the counter");
        var series = counters[0].GetProperty("series")[0];
        Assert.Equal("Counter", counters[0].GetProperty("kind").GetString());
        Assert.Equal("route", series.GetProperty("dimensions")[0].GetProperty("key").GetString());
        Assert.Equal(5, series.GetProperty("points")[0].GetProperty("value").GetDouble());
        var histograms = await dashboard.WaitForAsync($"/api/metrics?resource={service}&name=test.latency", m => m.GetArrayLength() == 1, "the histogram");
        var histogram = histograms[0].GetProperty("series")[0].GetProperty("points")[0].GetProperty("histogram");
        Assert.Equal(100UL, histogram.GetProperty("count").GetUInt64());
        Assert.InRange(histogram.GetProperty("p50").GetDouble(), 25, 75);
        Assert.InRange(histogram.GetProperty("p99").GetDouble(), 75, 100);
    }

    [Fact]
    public async Task GrpcExport_WithoutTheApiKey_IsUnauthenticated()
    {
        using var channel = GrpcChannel.ForAddress(dashboard.OtlpGrpc);
        var client = new TraceService.TraceServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ExportAsync(new ExportTraceServiceRequest()).ResponseAsync.DefaultTimeout());

        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("x-otlp-api-key", error.Status.Detail);
    }

    [Fact]
    public async Task HttpExport_IsRefused_WithoutTheKey_AsJson_OrWhenNotProtobuf()
    {
        using var http = new HttpClient { BaseAddress = dashboard.OtlpHttp };
        var body = new ExportLogsServiceRequest().ToByteArray();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, body, "application/x-protobuf", apiKey: null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync(http, "{}"u8.ToArray(), "application/json", DashboardProcess.ApiKey)).StatusCode);
        var garbage = await PostAsync(http, [0xFF, 0xFF, 0xFF], "application/x-protobuf", DashboardProcess.ApiKey);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("not a valid OTLP protobuf message", await garbage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, body, "application/x-protobuf", DashboardProcess.ApiKey)).StatusCode);
    }

    [Fact]
    public async Task HttpExport_ThatInflatesBeyondTheLimit_IsRefused()
    {
        using var http = new HttpClient { BaseAddress = dashboard.OtlpHttp };
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 65; i++)
            {
                gzip.Write(zeros);
            }
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Add("x-otlp-api-key", DashboardProcess.ApiKey);

        var response = await http.SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/%09/evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task Login_NeverRedirectsToAnotherSite(string returnUrl)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Url };

        var response = await anonymous.GetAsync($"/login?t={DashboardProcess.BrowserToken}&returnUrl={returnUrl}").DefaultTimeout();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Ui_WithoutTheLoginCookie_IsRefused()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Url };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/logs").DefaultTimeout()).StatusCode);
        var page = await anonymous.GetAsync("/").DefaultTimeout();
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/login?t=wrong").DefaultTimeout()).StatusCode);
    }

    [Fact]
    public async Task EachPart_AnswersOnItsOwnPort()
    {
        using var ui = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Url };
        using var otlp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.OtlpHttp };

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ui, [], "application/x-protobuf", DashboardProcess.ApiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otlp.GetAsync($"/login?t={DashboardProcess.BrowserToken}").DefaultTimeout()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otlp.GetAsync("/").DefaultTimeout()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(otlp, [], "application/x-protobuf", DashboardProcess.ApiKey)).StatusCode);
    }

    [Fact]
    public async Task Standalone_PrintsItsLoginUrl_AndHasNoAppHost()
    {
        await dashboard.Process.WaitForLineAsync(line => line.Contains($"/login?t={DashboardProcess.BrowserToken}"), "the login URL");

        var resources = await dashboard.GetAsync("/api/resources");

        Assert.False(resources.GetProperty("appHost").GetBoolean());
    }

    private void Export(OtlpExporterOptions options, OtlpExportProtocol protocol, string signal)
    {
        options.Protocol = protocol;
        // Set in code, an HTTP endpoint is taken as the full URL of the signal's path.
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? dashboard.OtlpGrpc : new Uri(dashboard.OtlpHttp, $"/v1/{signal}");
        options.Headers = $"x-otlp-api-key={DashboardProcess.ApiKey}";
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, string contentType, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }
        return await http.SendAsync(request).DefaultTimeout();
    }
}
