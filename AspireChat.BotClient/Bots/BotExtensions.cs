using AspireChat.BotClient.Bots;
using AspireChat.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class BotExtensions
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        var startupFailure = new StartupFailure("The bot");
        startupFailure.HoldBackHostErrors(builder.Logging);
        builder.Services.AddSingleton(startupFailure);

        builder.Services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .PostConfigure<IConfiguration>((bot, configuration) =>
            {
                if (bot.Script.Count == 0)
                {
                    configuration.GetSection($"{BotOptions.ScriptsSectionName}:{bot.Name}").Bind(bot.Script);
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();

        builder.Services.AddHostedService<BotWorker>();
        return builder;
    }

    // Runs until stopped; returns the process exit code (StartupFailure: 1 when it cannot start).
    public static int RunBot(this IHost host) =>
        host.Services.GetRequiredService<StartupFailure>().Run(host);
}
