using AspireChat.BotClient.Bots;

namespace Microsoft.Extensions.Hosting;

public static class BotExtensions
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .PostConfigure<IConfiguration>((bot, configuration) =>
            {
                if (bot.Script.Count == 0)
                {
                    configuration.GetSection($"BotScripts:{bot.Name}").Bind(bot.Script);
                }
            })
            .ValidateDataAnnotations()
            .Validate(bot => bot.Script.Count > 0 && bot.Script.All(line => !string.IsNullOrWhiteSpace(line.Say)),
                "The bot needs a script: Bot:Script lines with Say text, or a shipped one under BotScripts:<name> (alice, bob).")
            .ValidateOnStart();

        builder.Services.AddHostedService<BotWorker>();
        return builder;
    }
}
