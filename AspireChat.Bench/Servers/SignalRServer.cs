using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspireChat.Bench.Servers;

// `AspireChat.Bench signalr-server`: the chat room as an ASP.NET Core SignalR hub, the peer
// AspireChat is compared with, in its best configuration: MessagePack, WebSockets only, no
// authentication, no log line per message; Server GC is the suite's to set (DOTNET_gcServer).
// Served on the URLs ASPNETCORE_URLS gives it, the hub at HubPath.
internal static class SignalRServer
{
    public const string HubPath = "/chat";

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http1));
        builder.Services.AddSignalR().AddMessagePackProtocol();
        builder.Services.AddSingleton<SignalRRoom>();
        builder.Services.AddSingleton<IUserIdProvider, NameUserIdProvider>();
        var app = builder.Build();
        app.MapHub<ChatHub>(HubPath, options => options.Transports = HttpTransportType.WebSockets);
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
