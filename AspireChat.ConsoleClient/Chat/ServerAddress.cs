using System.CommandLine.Parsing;

namespace AspireChat.ConsoleClient.Chat;

public static class ServerAddress
{
    // --server takes an absolute http:// or https:// address.
    public static Uri? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }
        result.AddError($"--server takes the chat service's address, such as http://localhost:50051; '{text}' is not one.");
        return null;
    }
}
