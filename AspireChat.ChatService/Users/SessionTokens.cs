using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AspireChat.Conventions;

namespace AspireChat.ChatService.Users;

// Session tokens that name their user and are signed (HMAC-SHA256) with the service's key, so a
// restarted service holding the same key can tell a name's owner from anybody else:
// "v1.<name, base64url>.<128 random bits>.<signature>". Only the key's holders can make one.
public sealed class SessionTokens(byte[] key)
{
    private const string Version = "v1";

    // Longer than any token this service issues (a name of MaxUsernameBytes in base64url, the
    // random part and the signature): a longer one is refused before it is split or decoded.
    public const int MaxLength = 1024;

    public string Issue(string username)
    {
        var body = $"{Version}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(username))}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16))}";
        return $"{body}.{Sign(body)}";
    }

    // True when the token was signed with this key for this (normalised) username.
    public bool Verify(string token, string username)
    {
        if (token.Length > MaxLength)
        {
            return false;
        }
        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Version)
        {
            return false;
        }
        var body = token[..token.LastIndexOf('.')];
        var expected = Encoding.ASCII.GetBytes(Sign(body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3]))
            && parts[1] == Base64Url.EncodeToString(Encoding.UTF8.GetBytes(username));
    }

    // The username a token names (whoever signed it); a shared store checks it is that name's session.
    public static bool TryReadUsername(string token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? username)
    {
        username = null;
        if (token.Length > MaxLength)
        {
            return false;
        }
        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Version)
        {
            return false;
        }
        try
        {
            username = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
            return Usernames.TryNormalize(username, out var normalized, out _) && normalized == username;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private string Sign(string body) => Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)));
}
