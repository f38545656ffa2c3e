using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;

namespace AspireChat.Client.Connection;

/// <summary>The chat service's address as a command line gives it (<c>--server</c>).</summary>
public static class ChatServerAddress
{
    /// <summary>Reads an absolute <c>http://</c> or <c>https://</c> address.</summary>
    /// <param name="text">What was typed.</param>
    /// <param name="address">The address, when it is one.</param>
    /// <returns>Whether <paramref name="text"/> is such an address.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? address)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            address = uri;
            return true;
        }
        address = null;
        return false;
    }

    /// <summary>
    /// A System.CommandLine <c>CustomParser</c> for <c>--server</c>: the address, or null with a
    /// parse error that says what an address looks like.
    /// </summary>
    /// <param name="result">The option's argument.</param>
    public static Uri? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var address))
        {
            return address;
        }
        result.AddError($"--server needs an http:// address, such as http://localhost:50051; '{text}' is not one.");
        return null;
    }
}
