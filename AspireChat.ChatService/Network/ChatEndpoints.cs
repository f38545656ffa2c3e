using AspireChat.ChatService.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Memory;

namespace AspireChat.ChatService.Network;

// The service's Kestrel endpoints: gRPC and HTTP, whose URLs are in appsettings.json (the AppHost
// reads them there), and the operator's (admin), bound only when Chat:AdminKey is set. Their
// protocols, and their URLs when none is configured, are set here, so the service is the same
// whatever directory it is started from.
internal static class ChatEndpoints
{
    public const string Grpc = "grpc";
    public const string Http = "http";
    public const string Admin = "admin";
    public const string DefaultGrpcUrl = "http://localhost:50051";
    public const string DefaultHttpUrl = "http://localhost:50080";
    // The admin endpoint's URL when Chat:AdminKey is set and no URL is configured.
    public const int DefaultAdminPort = 50052;

    // The URLs, at the lowest precedence: appsettings files, environment variables and arguments
    // all win.
    public static void AddDefaults(IConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [$"Kestrel:Endpoints:{Grpc}:Url"] = DefaultGrpcUrl,
                [$"Kestrel:Endpoints:{Http}:Url"] = DefaultHttpUrl,
            },
        });

    // gRPC is cleartext HTTP/2 with prior knowledge (h2c), as grpcio clients speak it: an endpoint
    // that also offered HTTP/1.1 would answer them in HTTP/1.1, since without TLS there is no ALPN.
    // Its connections pass the per-address limit before any HTTP/2 is read. Keepalive pings find
    // clients that vanished without closing their connection (Kestrel checks once a second).
    // Every connection is tagged with its endpoint's name (ConnectionEndpoint).
    public static void Configure(KestrelServerOptions options, IConfiguration configuration, ConnectionsPerAddress connections)
    {
        var chat = ReadLeniently(configuration);
        var loader = options.Configure(configuration.GetSection("Kestrel"), reloadOnChange: true)
            .Endpoint(Grpc, endpoint =>
            {
                endpoint.ListenOptions.Protocols = HttpProtocols.Http2;
                endpoint.ListenOptions.Use(connections.Apply);
                endpoint.ListenOptions.Use(ConnectionEndpoint.Tag(Grpc));
            })
            .Endpoint(Http, endpoint =>
            {
                endpoint.ListenOptions.Protocols = HttpProtocols.Http1;
                endpoint.ListenOptions.Use(ConnectionEndpoint.Tag(Http));
            })
            .Endpoint(Admin, endpoint => ConfigureAdmin(endpoint.ListenOptions, connections));
        // Decided here, once the configuration is whole, rather than among the default URLs: the
        // key may come from anywhere (a test's settings too).
        if (!string.IsNullOrEmpty(chat.AdminKey) && string.IsNullOrEmpty(configuration[$"Kestrel:Endpoints:{Admin}:Url"]))
        {
            loader.LocalhostEndpoint(DefaultAdminPort, listen => ConfigureAdmin(listen, connections));
        }
        var limits = options.Limits;
        limits.Http2.KeepAlivePingDelay = chat.KeepAlivePingDelay;
        limits.Http2.KeepAlivePingTimeout = chat.KeepAlivePingTimeout;
        // Also the time Kestrel gives a new connection for its HTTP/2 preface.
        limits.KeepAliveTimeout = chat.IdleConnectionTimeout;
        limits.MaxConcurrentConnections = chat.MaxConnections;
        limits.Http2.InitialStreamWindowSize = chat.Http2StreamWindowSize;
        limits.Http2.InitialConnectionWindowSize = chat.Http2ConnectionWindowSize;
        limits.Http2.MaxStreamsPerConnection = chat.MaxStreamsPerConnection;
    }

    // The operator's endpoint is h2c like gRPC's, within the same per-address limit.
    private static void ConfigureAdmin(ListenOptions listen, ConnectionsPerAddress connections)
    {
        listen.Protocols = HttpProtocols.Http2;
        listen.Use(connections.Apply);
        listen.Use(ConnectionEndpoint.Tag(Admin));
    }

    // The per-address connection limit, with the limits as configured (or their defaults, when
    // invalid ones are about to stop the start).
    public static ConnectionsPerAddress CreateConnectionLimit(IConfiguration configuration, ILoggerFactory loggers)
    {
        var chat = ReadLeniently(configuration);
        return new ConnectionsPerAddress(chat.MaxConnectionsPerAddress, chat.Ipv6PrefixLength, loggers.CreateLogger<ConnectionsPerAddress>());
    }

    // Kestrel is built before the options are validated at start; invalid ones are left to that
    // validation, which names the setting (StartupFailure), rather than thrown here (Kestrel
    // throws on a window size out of its range): until then, the defaults.
    private static ChatOptions ReadLeniently(IConfiguration configuration)
    {
        var chat = new ChatOptions();
        try
        {
            configuration.GetSection(ChatOptions.SectionName).Bind(chat);
        }
        catch (InvalidOperationException)
        {
            return new ChatOptions();
        }
        return new ChatOptionsValidator().Validate(null, chat).Succeeded ? chat : new ChatOptions();
    }
}
