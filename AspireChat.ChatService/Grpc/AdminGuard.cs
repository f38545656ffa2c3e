using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Network;
using AspireChat.Conventions;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Grpc;

// What every call of the operator's service (ChatAdmin) passes: it must come over the admin
// endpoint's connections, never the chat port's (PERMISSION_DENIED, whatever key it carries), and
// carry the admin key (UNAUTHENTICATED without it), compared in constant time. Every refusal is
// logged, once a minute per address, with why; never with the key. Then what every call passes
// (CallGuard): a malformed request is INVALID_ARGUMENT, Redis away is UNAVAILABLE.
internal sealed class AdminGuard
{
    private readonly SharedKey? _key;
    private readonly int _ipv6PrefixLength;
    private readonly CallGuard _calls;
    private readonly OncePerMinute _refusalLines = new();
    private readonly ILogger<AdminGuard> _logger;

    public AdminGuard(CallGuard calls, IOptions<ChatOptions> options, ILogger<AdminGuard> logger)
    {
        _key = options.Value.AdminKey is { Length: > 0 } key ? new SharedKey(key) : null;
        _ipv6PrefixLength = options.Value.Ipv6PrefixLength;
        _calls = calls;
        _logger = logger;
    }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(TRequest request, ServerCallContext context, Func<TRequest, Task<TResponse>> handler)
        where TRequest : notnull
    {
        var http = context.GetHttpContext();
        RequestBodyTimeout.Arrived(http);
        Admit(http);
        _calls.ThrowIfMalformed(request, context);
        try
        {
            return await handler(request);
        }
        catch (StoreUnavailableException ex)
        {
            throw CallGuard.Unavailable(ex);
        }
    }

    private void Admit(HttpContext http)
    {
        if (ConnectionEndpoint.Of(http) != ChatEndpoints.Admin)
        {
            throw Refuse(http, StatusCode.PermissionDenied, "called on the chat port", "The admin API is not served on the chat port.");
        }
        var presented = http.Request.Headers[ChatMetadata.AdminKeyHeader];
        if (_key is null || presented.Count != 1 || !_key.Matches(presented[0]))
        {
            var why = _key is null ? "no admin key is configured (Chat:AdminKey)"
                : presented.Count == 0 ? $"no {ChatMetadata.AdminKeyHeader}"
                : $"a wrong {ChatMetadata.AdminKeyHeader}";
            throw Refuse(http, StatusCode.Unauthenticated, why, $"A valid admin key ({ChatMetadata.AdminKeyHeader}) is required.");
        }
    }

    private RpcException Refuse(HttpContext http, StatusCode status, string reason, string detail)
    {
        var address = PeerAddress.Key(http.Connection.RemoteIpAddress, _ipv6PrefixLength);
        if (_refusalLines.TryTake(address))
        {
            NetworkLog.AdminCallRefused(_logger, LogText.Escape(address), reason);
        }
        return new RpcException(new Status(status, detail));
    }
}
