using System.Security.Cryptography;
using System.Text;
using AspireChat.Dashboard.Configuration;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AspireChat.Dashboard.Otlp;

// With Dashboard:Otlp:AuthMode=ApiKey, an exporter must send x-otlp-api-key (the AppHost puts
// it in OTEL_EXPORTER_OTLP_HEADERS).
internal sealed class OtlpApiKey(IOptions<DashboardOptions> options)
{
    public const string HeaderName = "x-otlp-api-key";

    public bool IsAuthorized(HttpContext context)
    {
        var otlp = options.Value.Otlp;
        if (otlp.AuthMode != AuthMode.ApiKey)
        {
            return true;
        }
        var sent = context.Request.Headers[HeaderName].ToString();
        return !string.IsNullOrEmpty(otlp.PrimaryApiKey)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(otlp.PrimaryApiKey));
    }

    public void ThrowIfUnauthorized(ServerCallContext context)
    {
        if (!IsAuthorized(context.GetHttpContext()))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"Send the dashboard's OTLP API key in the {HeaderName} header."));
        }
    }
}
