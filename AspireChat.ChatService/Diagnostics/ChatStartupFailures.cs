using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Diagnostics;

// The chat service's words for why it cannot start (StartupFailure writes them in one line): a
// port in use names the settings that move it; every reason is made inert, since a setting's
// value may be quoted in it.
internal static class ChatStartupFailures
{
    public static string Describe(Exception ex) => LogText.Escape(ex switch
    {
        IOException { InnerException: AddressInUseException } =>
            $"{ex.Message} Another process listens on that port: stop it, or choose another port with Kestrel:Endpoints:grpc:Url, Kestrel:Endpoints:http:Url or (for the admin API) Kestrel:Endpoints:admin:Url.",
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        _ => ex.Message,
    });
}
