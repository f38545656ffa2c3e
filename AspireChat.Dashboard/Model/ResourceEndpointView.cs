namespace AspireChat.Dashboard.Model;

internal sealed record ResourceEndpointView(string Name, string Url);
