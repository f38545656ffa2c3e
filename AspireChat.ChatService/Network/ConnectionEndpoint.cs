using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace AspireChat.ChatService.Network;

// Which of the service's Kestrel endpoints a connection was accepted on: each endpoint's
// connection middleware tags its connections, and a call reads the tag from its connection. The
// operator's service is answered only on its own endpoint, and the chat service never there,
// whatever the request says (a Host header or a path could say anything).
internal static class ConnectionEndpoint
{
    private static readonly object s_key = new();

    public static Func<ConnectionDelegate, ConnectionDelegate> Tag(string endpoint) => next => connection =>
    {
        connection.Items[s_key] = endpoint;
        return next(connection);
    };

    // Null for a connection no endpoint tagged.
    public static string? Of(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(s_key, out var endpoint) == true ? endpoint as string : null;
}
