using AspireChat.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var chat = builder.AddProject<Projects.AspireChat_ChatService>("chat")
    .WithHttpEndpoint(port: 50051, name: "grpc")
    .WithHttpEndpoint(name: "http")
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
