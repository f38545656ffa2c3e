using System.Diagnostics;
using AspireChat.ChatService.Diagnostics;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Trace;

namespace AspireChat.Testing;

// The real ChatService (its own Program) on real Kestrel: h2c on a port the OS picks, as clients
// meet it, with every span and log kept for inspection. Subclasses change settings and services.
public class ChatServiceFactory : WebApplicationFactory<Program>
{
    public ChatServiceFactory()
    {
        UseKestrel();
        StartServer();
        (GrpcAddress, HttpAddress) = FindEndpoints();
    }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    // Spans of every service in this test process; OwnSpans are this service's chat spans.
    public SynchronizedCollection<Activity> Spans { get; } = new();

    public IEnumerable<Activity> OwnSpans
    {
        get
        {
            var source = Services.GetRequiredService<ChatTelemetry>().Source;
            return Spans.Snapshot().Where(s => s.Source == source);
        }
    }

    public FakeLogCollector Logs { get; } = new();

    // Every test registers, sends, listens and lists from one address (127.0.0.1), often many names
    // on one connection: the per-connection and per-address limits are wide open unless Settings says
    // otherwise; and an in-process service is never restarted. Service processes that tests start
    // as replicas of one backplane use them too.
    public static IReadOnlyDictionary<string, string> OpenFloodLimits { get; } = new Dictionary<string, string>
    {
        ["Chat:RegistrationsPerConnectionPerMinute"] = "1000000",
        ["Chat:RegistrationBurstPerConnection"] = "1000000",
        ["Chat:RegistrationsPerAddressPerMinute"] = "1000000",
        ["Chat:RegistrationBurstPerAddress"] = "1000000",
        ["Chat:MessagesPerSecondPerConnection"] = "1000000",
        ["Chat:MessageBurstPerConnection"] = "1000000",
        ["Chat:MessagesPerSecondPerAddress"] = "1000000",
        ["Chat:MessageBurstPerAddress"] = "1000000",
        ["Chat:PresenceNoticesPerSecond"] = "1000000",
        ["Chat:PresenceNoticeBurst"] = "1000000",
        ["Chat:MaxConnectionsPerAddress"] = "1000000",
        ["Chat:MaxUsersPerAddress"] = "1000000",
        ["Chat:MaxStreamsPerAddress"] = "1000000",
        ["Chat:ListUsersPerSecondPerAddress"] = "1000000",
        ["Chat:ListUsersBurstPerAddress"] = "1000000",
        // Never restarted: no names to hold, no state to keep, a key of its own.
        ["Chat:RestartHoldPeriod"] = "00:00:00",
        ["Chat:TokenKey"] = TokenKeys.New(),
    };

    // Generous limits, so tests that send many messages are not rate-limited.
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:ListenerQueueCapacity"] = "64",
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
    };

    // Each channel is its own HTTP/2 connection: a separate client, as the service sees it.
    public GrpcChannel CreateChannel(Action<SocketsHttpHandler>? configure = null)
    {
        var handler = new SocketsHttpHandler();
        configure?.Invoke(handler);
        return GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kestrel:Endpoints:grpc:Url", "http://127.0.0.1:0");
        builder.UseSetting("Kestrel:Endpoints:http:Url", "http://127.0.0.1:0");
        foreach (var (key, value) in OpenFloodLimits.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans));
            services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(Logs));
            ConfigureServices(services);
        });
    }

    // Both endpoints bind port 0; the one that answers HTTP/1.1 is "http", the other "grpc". An
    // admin endpoint that Settings binds (at a port of its own) is neither.
    private (Uri Grpc, Uri Http) FindEndpoints()
    {
        var admin = Settings.TryGetValue("Kestrel:Endpoints:admin:Url", out var adminUrl) ? new Uri(adminUrl).Port : -1;
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(a => new Uri(a)).Where(a => a.Port != admin).ToList();
        using var http = new HttpClient { Timeout = TimeoutExtensions.DefaultTimeoutSpan };
        var httpAddress = addresses.Single(address =>
        {
            try
            {
                using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(address, "alive")));
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
        return (addresses.Single(a => a != httpAddress), httpAddress);
    }
}
