using AspireChat.ConsoleClient.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireChat.ConsoleClient.Chat;

public static class ConsoleChat
{
    // The console's wiring: service defaults (telemetry when OTEL_* is set), the chat client, the
    // terminal; then one chat session.
    public static async Task<int> RunAsync(Uri? server, string? username, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        // The terminal belongs to the chat: logs go to OpenTelemetry only.
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddChatClient();
        if (server is not null)
        {
            builder.Configuration["ChatClient:Server"] = server.ToString();
        }
        builder.Services.AddSingleton<ITerminal>(Console.IsInputRedirected ? new PlainTerminal() : new InteractiveTerminal());
        builder.Services.AddSingleton<ChatSession>();

        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"! {ex.Message}");
            return 2;
        }

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            return await host.Services.GetRequiredService<ChatSession>().RunAsync(username, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
