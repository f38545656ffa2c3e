using AspireChat.Client.Connection;
using AspireChat.Web.Chat;

namespace Microsoft.Extensions.Hosting;

public static class WebChatExtensions
{
    // The page (Blazor, interactive server rendering) and what each page's circuit holds: its
    // chat user over the one connection to chat that every page shares.
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();

        builder.AddChatClient();
        // Without the key chat would take every page for one connection's user (docs/security.md).
        builder.Services.AddOptions<ChatClientOptions>()
            .Validate(options => !string.IsNullOrEmpty(options.FrontEndKey), "ChatClient:FrontEndKey is not set: the web app needs the key chat trusts its front end by (Chat:FrontEndKey).");

        builder.Services.AddScoped<PersonAddress>();
        builder.Services.AddScoped<ChatSession>();
        return builder;
    }

    public static WebApplication UseWebChat(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/not-found", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
