using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace AspireChat.Client.Connection;

// Where the chat service is: an explicit Server; else service discovery, by endpoint name first
// (http://_grpc.chat) and then by scheme (http://chat), so the client works under every Aspire
// version; else http://localhost:50051.
public sealed class ChatEndpointResolver(IOptions<ChatClientOptions> options, ServiceEndpointResolver resolver)
{
    public async Task<Uri> ResolveAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Server is { } server)
        {
            return server;
        }

        foreach (var host in (string[])[$"_{settings.EndpointName}.{settings.ServiceName}", settings.ServiceName])
        {
            var source = await resolver.GetEndpointsAsync($"http://{host}", cancellationToken);
            foreach (var endpoint in source.Endpoints)
            {
                // The pass-through provider answers an unconfigured name with the service name itself.
                if (ToUri(endpoint.EndPoint) is { } uri && !string.Equals(uri.Host, settings.ServiceName, StringComparison.OrdinalIgnoreCase))
                {
                    return uri;
                }
            }
        }
        return ChatClientOptions.DefaultServer;
    }

    private static Uri? ToUri(EndPoint endPoint) => endPoint switch
    {
        UriEndPoint uri => uri.Uri,
        DnsEndPoint dns => new UriBuilder("http", dns.Host, dns.Port).Uri,
        IPEndPoint ip => new UriBuilder("http", ip.Address.ToString(), ip.Port).Uri,
        _ => null,
    };
}
