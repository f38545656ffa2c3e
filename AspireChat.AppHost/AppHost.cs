var builder = DistributedApplication.CreateBuilder(args);

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
