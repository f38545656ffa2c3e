using System.Net;
using AspireChat.Client.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace AspireChat.Client.Connection;

/// <summary>
/// Where the chat service is: <see cref="ChatClientOptions.Server"/> when set; else the endpoint
/// named grpc (services:chat:grpc:*, or the newer CHAT_GRPC variable); else the endpoints keyed
/// by scheme (services:chat:http:*, as Aspire 13.2+ injects them), where the HTTP/1.1 health
/// endpoint may come first: the one that answers gRPC is taken; else
/// <see cref="ChatClientOptions.DefaultServer"/>.
/// </summary>
/// <param name="options">The client's options.</param>
/// <param name="resolver">Service discovery.</param>
/// <param name="configuration">Where the CHAT_GRPC variable is read.</param>
/// <param name="logger">Says when no endpoint answered gRPC.</param>
public sealed class ChatEndpointResolver(IOptions<ChatClientOptions> options, ServiceEndpointResolver resolver, IConfiguration configuration, ILogger<ChatEndpointResolver> logger)
{
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The service's gRPC address. Probes the endpoints (at most a few seconds) only when service
    /// discovery lists several keyed by scheme.
    /// </summary>
    /// <param name="cancellationToken">Ends the resolution and its probes.</param>
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

    // The standard gRPC health check, over HTTP/2 with prior knowledge as gRPC clients speak it:
    // any gRPC server answers (OK, or UNIMPLEMENTED without the health service); an HTTP/1.1
    // endpoint fails the call on the client's side, with the transport's exception.
    private static async Task<bool> SpeaksGrpcAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectTimeout = s_probeTimeout },
        });
        var health = new Health.HealthClient(channel);
        try
        {
            await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + s_probeTimeout, cancellationToken: cancellationToken);
            return true;
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex.StatusCode == StatusCode.Unimplemented && ex.Status.DebugException is null;
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
