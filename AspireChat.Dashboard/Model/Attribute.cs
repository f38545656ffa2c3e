namespace AspireChat.Dashboard.Model;

internal sealed record Attribute(string Key, string Value);
