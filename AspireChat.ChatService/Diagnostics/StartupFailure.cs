using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Diagnostics;

// A service that cannot start says why in one line on stderr (the port in use, the invalid
// setting) and exits with 1: no stack trace, no core dump. Until the service has started, the
// host's own "Hosting failed to start" error, stack trace and all, is held back: this line says it.
internal sealed class StartupFailure
{
    public const int ExitCode = 1;
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private volatile bool _started;

    public void HoldBackHostErrors(ILoggingBuilder logging) =>
        logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (_started || level < LogLevel.Error));

    public int Run(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => _started = true);
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception ex) when (!_started)
        {
            Console.Error.WriteLine($"The chat service cannot start: {LogText.Escape(Describe(ex).ReplaceLineEndings(" "))}");
            return ExitCode;
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        IOException { InnerException: AddressInUseException } =>
            $"{ex.Message} Another process listens on that port: stop it, or choose another port with Kestrel:Endpoints:grpc:Url, Kestrel:Endpoints:http:Url or (for the admin API) Kestrel:Endpoints:admin:Url.",
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        _ => ex.Message,
    };
}
