using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireChat.ServiceDefaults;

// A process that cannot start says why in one line on stderr (an invalid setting, a port in use)
// and exits with 1: no stack trace, no core dump. Until it has started, the host's own "Hosting
// failed to start" error, stack trace and all, is held back: this line says it.
// what: the process, as the line names it ("The chat service"); describe: the process's own
// words for an exception, or null for the usual (the options' failures, or the message).
public sealed class StartupFailure(string what, Func<Exception, string?>? describe = null)
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
            var why = describe?.Invoke(ex) ?? (ex is OptionsValidationException validation ? string.Join(" ", validation.Failures) : ex.Message);
            Console.Error.WriteLine($"{what} cannot start: {why.ReplaceLineEndings(" ")}");
            return ExitCode;
        }
    }
}
