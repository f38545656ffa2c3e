using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The client library wired as an application wires it (AddChatClient), with the given settings.
public static class ChatClientHost
{
    public static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddChatClient();
        return builder.Build();
    }

    public static IHost Build(Uri server) => Build(new Dictionary<string, string?> { ["ChatClient:Server"] = server.ToString() });

    // Reconnects within a tenth of a second: for scripted servers that drop streams on purpose.
    public static IHost BuildQuickToReconnect(Uri server) => Build(new Dictionary<string, string?>
    {
        ["ChatClient:Server"] = server.ToString(),
        ["ChatClient:ReconnectMinDelay"] = "00:00:00.010",
        ["ChatClient:ReconnectMaxDelay"] = "00:00:00.100",
    });
}
