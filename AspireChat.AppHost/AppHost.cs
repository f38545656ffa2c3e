using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var builder = DistributedApplication.CreateBuilder(args);

// One chat replica by default; `-- --replicas 3` scales out behind the same 50051.
var replicas = builder.Configuration.GetValue("replicas", 1);

// Its grpc (h2c) and http endpoints come from its Kestrel configuration. grpc stays on the
// workshop's 50051, served by Aspire's proxy, so a console client attaches with no arguments;
// http (health only) takes any free port. Plain http throughout: no development certificate.
// Its state (the names it holds for their owners across a restart, its token key) is this run's:
// a restarted chat keeps its users, a new run of the app starts a new room.
var chat = builder.AddProject<Projects.AspireChat_ChatService>("chat")
    .WithEndpoint("grpc", grpc => grpc.Port = 50051)
    .WithEndpoint("http", http => http.Port = null)
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithEnvironment("Chat__StateDirectory", Directory.CreateTempSubdirectory("aspirechat-").FullName)
    .WithoutHttpsCertificate();

if (replicas > 1)
{
    if (RedisServer.FindOrInstall(builder.AppHostDirectory) is not { } redisServer)
    {
        Console.Error.WriteLine(RedisServer.Missing);
        return 1;
    }

    // The replicas share the room through Redis. With a container runtime, redis is one line
    // (and chat.WithReference(redis) passes its connection string):
    //     var redis = builder.AddRedis("redis");   // Aspire.Hosting.Redis
    // Here it is Debian's redis-server on a free port behind Aspire's proxy, on loopback only,
    // every write in its append-only file before it answers (no acknowledged message lost when it
    // restarts), its data in this run's own directory.
    var redisData = Directory.CreateTempSubdirectory("aspirechat-redis-").FullName;
    var redis = builder.AddExecutable("redis", redisServer, redisData,
            "--bind", "127.0.0.1", "--dir", redisData, "--appendonly", "yes", "--appendfsync", "always", "--save", "")
        .WithEndpoint(scheme: "tcp", name: "tcp")
        .WithHealthCheck("redis-ping");
    redis.WithArgs("--port", redis.GetEndpoint("tcp").Property(EndpointProperty.TargetPort));
    builder.Services.AddHealthChecks().AddCheck("redis-ping", new RedisPingHealthCheck(redis.GetEndpoint("tcp")));

    chat.WithReplicas(replicas)
        .WithEnvironment("ConnectionStrings__redis", $"{redis.GetEndpoint("tcp").Property(EndpointProperty.HostAndPort)}")
        .WaitFor(redis);
}

builder.AddProject<Projects.AspireChat_BotClient>("alice")
    .WithReference(chat)
    .WaitFor(chat)
    .WithEnvironment("Bot__Name", "alice")
    .WithoutHttpsCertificate();

builder.AddProject<Projects.AspireChat_BotClient>("bob")
    .WithReference(chat)
    .WaitFor(chat)
    .WithEnvironment("Bot__Name", "bob")
    .WithoutHttpsCertificate();

var app = builder.Build();

if (app.FixedPortsInUse() is { Count: > 0 } inUse)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, inUse));
    return 1;
}

app.Run();
return 0;
