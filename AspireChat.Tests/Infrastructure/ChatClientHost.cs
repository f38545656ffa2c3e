using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AspireChat.Tests.Infrastructure;

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
}
