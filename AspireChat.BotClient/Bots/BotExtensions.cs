using AspireChat.BotClient.Bots;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class BotExtensions
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        var startupFailure = new BotStartupFailure();
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

    // Runs until stopped; returns the process exit code (BotStartupFailure: 1 when it cannot start).
    public static int RunBot(this IHost host) =>
        host.Services.GetRequiredService<BotStartupFailure>().Run(host);
}
