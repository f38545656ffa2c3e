using AspireChat.Client;
using AspireChat.Client.Connection;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ChatClientExtensions
{
    // The chat client and where it finds the service ("ChatClient" section, service discovery).
    public static IHostApplicationBuilder AddChatClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatClientOptions>()
            .BindConfiguration(ChatClientOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddServiceDiscovery();
        builder.Services.AddSingleton<ChatEndpointResolver>();
        builder.Services.AddSingleton<ChatClient>();
        return builder;
    }
}
