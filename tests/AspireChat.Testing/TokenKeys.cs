using System.Security.Cryptography;

namespace AspireChat.Testing;

// A session-token key as Chat:TokenKey takes it: 32 random bytes in base64. Replicas given the
// same key honour each other's sessions.
public static class TokenKeys
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
