using System.CommandLine;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Commands;

// `signalr-server`: the SignalR peer, as the suite starts it.
internal static class SignalRServerCommand
{
    public static Command Create()
    {
        var command = new Command("signalr-server", $"Serve the chat room as a SignalR hub (MessagePack, WebSockets) at {SignalRServer.HubPath} on ASPNETCORE_URLS.");
        command.SetAction((_, cancellationToken) => SignalRServer.RunAsync(cancellationToken));
        return command;
    }
}
