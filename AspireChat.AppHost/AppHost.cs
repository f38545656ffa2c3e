using AspireChat.AppHost;
using AspireChat.AppHost.Operations;
using AspireChat.AppHost.Redis;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// One chat replica by default; `-- --replicas 3` scales out behind the same 50051.
var replicas = builder.Configuration.GetValue("replicas", 1);

// Its grpc (h2c) and http endpoints come from its Kestrel configuration. grpc stays on the
// workshop's 50051, served by Aspire's proxy, so a console client attaches with no arguments;
// http (health only) takes any free port. Plain http throughout: no development certificate.
// Its state (the names it holds for their owners across a restart, its token key) is this run's:
// a restarted chat keeps its users, a new run of the app starts a new room.
// The key chat trusts the web app by, to say whose request it forwards (docs/security.md): a new
// one each run unless configured (Parameters:front-end-key), given to chat and web alone.
var frontEndKey = builder.AddParameter("front-end-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
// The operator's key to chat's admin API (docs/operations.md), made the same way and given to chat
// alone: the dashboard's commands on chat call the API with it.
var adminKey = builder.AddParameter("admin-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

var chat = builder.AddProject<Projects.AspireChat_ChatService>("chat")
    .WithEndpoint("grpc", grpc => grpc.Port = 50051)
    .WithEndpoint("http", http => http.Port = null)
    .WithAdminEndpoint()
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithEnvironment("Chat__StateDirectory", Directory.CreateTempSubdirectory("aspirechat-").FullName)
    .WithEnvironment("Chat__FrontEndKey", frontEndKey)
    .WithEnvironment("Chat__AdminKey", adminKey)
    // What each link is: grpc is for gRPC clients (a browser cannot open h2c), http serves health.
    .WithUrlForEndpoint("grpc", url => url.DisplayText = "gRPC (h2c) for clients, not browsers")
    .WithUrlForEndpoint("http", url =>
    {
        url.Url = "/health";
        url.DisplayText = "Health";
    })
    .WithChatOperations(adminKey)
    .WithoutHttpsCertificate();

if (replicas > 1)
{
    // The replicas share the room through Redis: Debian's redis-server (installed when missing),
    // where a machine with a container runtime would have builder.AddRedis("redis").
    var redis = builder.AddRedisServer("redis")
        .WithParentRelationship(chat);

    chat.WithReplicas(replicas)
        .WithReference(redis)
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

// The chat page, on a fixed port a person can remember; it reaches chat as the bots do.
builder.AddProject<Projects.AspireChat_Web>("web")
    .WithReference(chat)
    .WaitFor(chat)
    .WithEnvironment("ChatClient__FrontEndKey", frontEndKey)
    .WithEndpoint("http", http => http.Port = 5080)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Chat in the browser")
    .WithoutHttpsCertificate();

var app = builder.Build();

if (app.WhyItCannotStart() is { Count: > 0 } reasons)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, reasons));
    return 1;
}

app.Run();
return 0;
