using System.CommandLine;
using AspireChat.Client.Connection;
using AspireChat.ConsoleClient.Chat;

var server = new Option<Uri?>("--server")
{
    Description = "The chat service's gRPC address. Default: service discovery, else http://localhost:50051.",
    CustomParser = ChatServerAddress.Parse,
};
var user = new Option<string?>("--user") { Description = "Your username; skips the prompt." };

var root = new RootCommand("AspireChat console client: chat with the room from a terminal.") { server, user };
root.SetAction((parsed, cancellationToken) => ConsoleChat.RunAsync(parsed.GetValue(server), parsed.GetValue(user), cancellationToken));

return await root.Parse(args).InvokeAsync();
