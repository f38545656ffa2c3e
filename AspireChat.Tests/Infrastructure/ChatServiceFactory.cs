using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace AspireChat.Tests.Infrastructure;

// The real ChatService (its own Program) on real Kestrel: h2c on a free port, as clients meet it,
// with every span and log kept for inspection. Subclasses change the chat settings.
public class ChatServiceFactory : WebApplicationFactory<Program>
{
    public ChatServiceFactory()
    {
        GrpcPort = FreePort();
        HttpPort = FreePort();
        UseKestrel();
        StartServer();
    }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    public SynchronizedCollection<Activity> Spans { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kestrel:Endpoints:grpc:Url", GrpcAddress.ToString());
        builder.UseSetting("Kestrel:Endpoints:http:Url", HttpAddress.ToString());
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans));
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
