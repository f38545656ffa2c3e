using System.Diagnostics;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Grpc;
using AspireChat.ChatService.Network;
using AspireChat.ChatService.Room;
using AspireChat.ChatService.Stores.InMemory;
using AspireChat.ChatService.Stores.Redis;
using AspireChat.ChatService.Users;
using AspireChat.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Instrumentation.AspNetCore;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class ChatServiceExtensions
{
    // The chat service's wiring: options, the room, its telemetry and the gRPC services (the chat's,
    // and the operator's).
    public static IHostApplicationBuilder AddChatService(this IHostApplicationBuilder builder)
    {
        builder.AddChatEndpoints();

        var startupFailure = new StartupFailure("The chat service", ChatStartupFailures.Describe);
        startupFailure.HoldBackHostErrors(builder.Logging);
        builder.Services.AddSingleton(startupFailure);

        builder.Services.AddOptions<ChatOptions>()
            .BindConfiguration(ChatOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>();

        // A stop waits this long at most for connections to close: a peer that vanished without
        // closing its own (a frozen network) would otherwise hold it up for the host's 30 s.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChatTelemetry>();
        builder.Services.AddBoundedTraceContext();
        builder.AddChatRoom();

        builder.Services.AddSingleton<MalformedRequestLog>();
        builder.Services.AddSingleton<CallGuard>();
        builder.Services.AddSingleton<TrustedFrontEnd>();
        builder.Services.AddSingleton<AdminGuard>();
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = ChatOptions.MaxRequestMessageBytes;
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });

        return builder;
    }

    // Kestrel's endpoints and limits, and the service's log levels, beneath its configuration.
    private static void AddChatEndpoints(this IHostApplicationBuilder builder)
    {
        DefaultLogLevels.Add(builder.Configuration);
        ChatEndpoints.AddDefaults(builder.Configuration);
        builder.Services.AddSingleton(sp => ChatEndpoints.CreateConnectionLimit(builder.Configuration, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<ConnectionsPerAddress>((kestrel, connections) => ChatEndpoints.Configure(kestrel, builder.Configuration, connections));
    }

    private static void AddChatRoom(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new SessionTokens(SessionKey.Load(sp.GetRequiredService<IOptions<ChatOptions>>().Value)));
        builder.Services.AddSingleton<UserRegistry>();
        builder.Services.AddSingleton<RoomFanOut>();
        builder.Services.AddSingleton<ChatRoom>();
        builder.Services.AddSingleton<RoomModeration>();
        builder.Services.AddHostedService<IdleUserSweeper>();
        // The one place the room's store is chosen: Redis when a connection string named "redis"
        // is configured (the name Aspire injects for a resource called redis).
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString(BackplaneConnectionName)))
        {
            builder.AddInMemoryRoomStore();
        }
        else
        {
            builder.AddRedisRoomStore();
        }
    }

    // The room is this process's alone; the names online are kept in the state directory, held
    // for their owners after a restart.
    private static void AddInMemoryRoomStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IRoomStore, InMemoryRoomStore>();
        builder.Services.AddSingleton(sp => new NameReservations(sp.GetRequiredService<IOptions<ChatOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
    }

    // Replicas share one room through Redis. Redis keeps the names online, so no names are kept
    // in the state directory.
    private static void AddRedisRoomStore(this IHostApplicationBuilder builder)
    {
        // Its command spans are off: the Redis store's renewals and catch-up checks would be a root
        // trace every second on the dashboard. Each message's Redis hop has a span of its own
        // (ChatTelemetry.BackplanePublishSpan), between the sender's replica and every receiving one.
        // Its health check too: RedisHealthCheck reports an outage in one line, with no stack trace.
        builder.AddRedisClient(BackplaneConnectionName, settings =>
        {
            settings.DisableTracing = true;
            settings.DisableHealthChecks = true;
        }, redis =>
        {
            // Start, and stay up, without Redis: calls are refused (UNAVAILABLE) while it is away,
            // at once rather than queued, and the connection comes back by itself.
            redis.AbortOnConnectFail = false;
            redis.BacklogPolicy = BacklogPolicy.FailFast;
            redis.AsyncTimeout = 2000;
            redis.ConnectTimeout = 2000;
            redis.ReconnectRetryPolicy = new LinearRetry(1000);
            // Its replies complete on .NET's thread pool, where the service's work already runs,
            // rather than hopping through the client's own dedicated threads (which spin and
            // wake for every reply: most of a replica's CPU per message, measured).
            redis.SocketManager = SocketManager.ThreadPool;
        });
        builder.Services.AddSingleton<RedisOutage>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name);
        builder.Services.AddSingleton<RedisBackplane>();
        builder.Services.AddSingleton<IRoomStore, RedisRoomStore>();
        builder.Services.AddHostedService<BackplaneReceiver>();
    }

    public const string BackplaneConnectionName = "redis";

    // A caller's trace context within W3C's bounds wherever it enters: ASP.NET Core extracts it
    // through the container's propagator, and OpenTelemetry's instrumentation extracts it again
    // with its own and, when the two differ, starts the request's span from its own.
    private static void AddBoundedTraceContext(this IServiceCollection services)
    {
        services.AddSingleton<DistributedContextPropagator>(new BoundedTraceContext(DistributedContextPropagator.CreateDefaultPropagator()));
        services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            var enrich = options.EnrichWithHttpRequest;
            options.EnrichWithHttpRequest = (activity, request) =>
            {
                enrich?.Invoke(activity, request);
                activity.TraceStateString = BoundedTraceContext.Bound(activity.TraceStateString);
            };
        });
    }

    public static WebApplication MapChatService(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyTimeout>();
        app.MapGrpcService<ChatGrpcService>();
        // Answered on the admin endpoint only, with the key (AdminGuard); without Chat:AdminKey
        // that endpoint is not bound.
        app.MapGrpcService<ChatAdminGrpcService>();

        // Before Kestrel drains its requests, so open Listen calls end (UNAVAILABLE: reconnect)
        // instead of holding up the shutdown.
        // Resolved once started, not now: a room with invalid options must fail in Run
        // (StartupFailure), and a service that failed to start has no room to stop (its services
        // are already disposed when the host stops).
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var room = app.Services.GetRequiredService<ChatRoom>();
            app.Lifetime.ApplicationStopping.Register(room.Stop);
        });

        return app;
    }

    // Runs until stopped; returns the process exit code (StartupFailure: 1 when it cannot start).
    public static int RunChatService(this WebApplication app) =>
        app.Services.GetRequiredService<StartupFailure>().Run(app);
}
