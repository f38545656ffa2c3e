using AspireChat.ChatService.Configuration;

namespace AspireChat.ChatService.Users;

// The key that signs session tokens: Chat:TokenKey (base64, at least 32 bytes) when configured, as
// a deployment (or an AppHost) should pass it; otherwise a development key kept in
// <Chat:StateDirectory>/token-key, made on first use. Either way it survives a restart, and so do
// the tokens; a new key invalidates them all.
internal static class SessionKey
{
    public const int MinimumBytes = 32;
    private const string FileName = "token-key";

    public static byte[] Load(ChatOptions options)
    {
        if (!string.IsNullOrEmpty(options.TokenKey))
        {
            return Convert.FromBase64String(options.TokenKey);
        }

        var path = Path.Combine(options.StateDirectory, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(options.StateDirectory);
            var created = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(MinimumBytes));
            File.WriteAllText(path, created);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
