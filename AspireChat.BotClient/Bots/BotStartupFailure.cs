using Microsoft.Extensions.Options;

namespace AspireChat.BotClient.Bots;

// A bot that cannot start (no name, no script) says why in one line on stderr and exits with 1:
// no stack trace, no core dump. Until the bot has started, the host's own "Hosting failed to
// start" error, stack trace and all, is held back: this line says it.
internal sealed class BotStartupFailure
{
    public const int ExitCode = 1;
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private volatile bool _started;

    public void HoldBackHostErrors(ILoggingBuilder logging) =>
        logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (_started || level < LogLevel.Error));

    public int Run(IHost host)
    {
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => _started = true);
        try
        {
            host.Run();
            return 0;
        }
        catch (Exception ex) when (!_started)
        {
            var why = ex is OptionsValidationException validation ? string.Join(" ", validation.Failures) : ex.Message;
            Console.Error.WriteLine($"The bot cannot start: {why.ReplaceLineEndings(" ")}");
            return ExitCode;
        }
    }
}
