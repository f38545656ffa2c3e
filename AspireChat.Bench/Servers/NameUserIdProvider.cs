using Microsoft.AspNetCore.SignalR;

namespace AspireChat.Bench.Servers;

// SignalR addresses a user (`Clients.User`) by the identifier this gives each connection when it
// connects: here the name the client connects as (`?user=name`, the hub having no
// authentication to take it from), which it then joins with.
internal sealed class NameUserIdProvider : IUserIdProvider
{
    public const string QueryKey = "user";

    public string? GetUserId(HubConnectionContext connection) =>
        connection.GetHttpContext()?.Request.Query[QueryKey] is { Count: > 0 } name ? name.ToString() : null;
}
