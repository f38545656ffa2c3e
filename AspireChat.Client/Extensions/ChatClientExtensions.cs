using AspireChat.Client;
using AspireChat.Client.Connection;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the chat client in an application.</summary>
public static class ChatClientExtensions
{
    /// <summary>
    /// Adds <see cref="ChatClient"/> (a singleton), the <see cref="ChatConnection"/> it calls over
    /// (a singleton too, for more clients over the same connection), and where it finds the service: the
    /// "ChatClient" section (<see cref="ChatClientOptions"/>, validated at start) and service discovery.
    /// </summary>
    /// <param name="builder">The application's builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddChatClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatClientOptions>()
            .BindConfiguration(ChatClientOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddServiceDiscovery();
        builder.Services.AddSingleton<ChatEndpointResolver>();
        builder.Services.AddSingleton<ChatConnection>();
        builder.Services.AddSingleton(services => new ChatClient(services.GetRequiredService<ChatConnection>(), services.GetRequiredService<ILogger<ChatClient>>()));
        return builder;
    }
}
