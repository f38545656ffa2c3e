var builder = DistributedApplication.CreateBuilder(args);

// Its endpoints come from its Kestrel configuration: grpc (h2c) on the workshop's 50051, served
// here by Aspire's proxy so a console client attaches with no arguments, and http for health.
var chat = builder.AddProject<Projects.AspireChat_ChatService>("chat")
    .WithHttpHealthCheck("/health", endpointName: "http");

builder.AddProject<Projects.AspireChat_BotClient>("alice")
    .WithReference(chat)
    .WaitFor(chat)
    .WithEnvironment("Bot__Name", "alice");

builder.AddProject<Projects.AspireChat_BotClient>("bob")
    .WithReference(chat)
    .WaitFor(chat)
    .WithEnvironment("Bot__Name", "bob");

builder.Build().Run();
