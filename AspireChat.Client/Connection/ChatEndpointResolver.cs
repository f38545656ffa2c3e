using System.Net;
using System.Net.Http.Headers;
using AspireChat.Client.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace AspireChat.Client.Connection;

// Where the chat service is: an explicit Server; else the endpoint named grpc
// (services:chat:grpc:*, or the newer CHAT_GRPC variable); else the endpoints keyed by scheme
// (services:chat:http:*, as Aspire 13.2+ injects them), where the health endpoint may come
// first: the one that answers gRPC is taken; else http://localhost:50051.
public sealed class ChatEndpointResolver(IOptions<ChatClientOptions> options, ServiceEndpointResolver resolver, IConfiguration configuration, ILogger<ChatEndpointResolver> logger)
{
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(3);

    public async Task<Uri> ResolveAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Server is { } server)
        {
            return server;
        }

        var named = await DiscoverAsync($"_{settings.EndpointName}.{settings.ServiceName}", cancellationToken);
        if (named.Count > 0)
        {
            return named[0];
        }
        if (Uri.TryCreate(configuration[VariableName(settings)], UriKind.Absolute, out var variable))
        {
            return variable;
        }

        var byScheme = await DiscoverAsync(settings.ServiceName, cancellationToken);
        return byScheme.Count switch
        {
            0 => ChatClientOptions.DefaultServer,
            1 => byScheme[0],
            _ => await FirstSpeakingGrpcAsync(byScheme, cancellationToken),
        };
    }

    // The variable Aspire injects for a named endpoint: CHAT_GRPC.
    private static string VariableName(ChatClientOptions settings) =>
        new([.. $"{settings.ServiceName}_{settings.EndpointName}".ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    private async Task<List<Uri>> DiscoverAsync(string host, CancellationToken cancellationToken)
    {
        var source = await resolver.GetEndpointsAsync($"http://{host}", cancellationToken);
        // The pass-through provider answers an unconfigured name with the service name itself.
        return [.. source.Endpoints
            .Select(e => ToUri(e.EndPoint))
            .OfType<Uri>()
            .Where(uri => !string.Equals(uri.Host, options.Value.ServiceName, StringComparison.OrdinalIgnoreCase))];
    }

    // Asks every candidate at once; the first (in configured order) that answers gRPC wins.
    private async Task<Uri> FirstSpeakingGrpcAsync(List<Uri> candidates, CancellationToken cancellationToken)
    {
        var probes = candidates.Select(uri => SpeaksGrpcAsync(uri, cancellationToken)).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (await probes[i])
            {
                return candidates[i];
            }
        }
        ChatClientLog.NoEndpointSpeaksGrpc(logger, options.Value.ServiceName, candidates.Count, candidates[0]);
        return candidates[0];
    }

    // An HTTP/2 (prior knowledge, as gRPC clients speak) call of the standard gRPC health check:
    // any gRPC server answers with a gRPC response (OK, or UNIMPLEMENTED without the health
    // service); an HTTP/1.1 endpoint fails the request or answers something else.
    private static async Task<bool> SpeaksGrpcAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_probeTimeout);
        using var handler = new SocketsHttpHandler { ConnectTimeout = s_probeTimeout };
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/grpc.health.v1.Health/Check"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            // One empty, uncompressed gRPC message: HealthCheckRequest { service = "" }.
            Content = new ByteArrayContent(new byte[5]) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.Content.Headers.ContentType?.MediaType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true
                || response.Headers.Contains("grpc-status");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static Uri? ToUri(EndPoint endPoint) => endPoint switch
    {
        UriEndPoint uri => uri.Uri,
        DnsEndPoint dns => new UriBuilder("http", dns.Host, dns.Port).Uri,
        IPEndPoint ip => new UriBuilder("http", ip.Address.ToString(), ip.Port).Uri,
        _ => null,
    };
}
