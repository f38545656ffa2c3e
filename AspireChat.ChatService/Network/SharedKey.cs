using System.Security.Cryptography;
using System.Text;

namespace AspireChat.ChatService.Network;

// A secret that callers present in a header: a trusted front end's (Chat:FrontEndKey), the
// operator's (Chat:AdminKey). A presented key is compared by its SHA-256 hash, in constant time:
// how long the check takes tells nothing of the key, not even its length.
public sealed class SharedKey
{
    private readonly byte[] _hash;

    public SharedKey(string key) => _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Matches(string? presented)
    {
        if (presented is null)
        {
            return false;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        return CryptographicOperations.FixedTimeEquals(hash, _hash);
    }
}
