using AspireChat.ChatService.Configuration;

namespace AspireChat.ChatService.Users;

// The key that signs session tokens: Chat:TokenKey (base64, at least 32 bytes) when configured, as
// a deployment (or an AppHost) should pass it; otherwise a development key kept in
// <Chat:StateDirectory>/token-key, made on first use. Either way it survives a restart, and so do
// the tokens; a new key invalidates them all.
internal static class SessionKey
{
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
            Create(path);
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    // Written aside, then moved into place unless another process made one first: every process
    // that starts at once ends up with the same key. The directory and the file are their owner's
    // alone from the moment they exist, whatever the umask: the key is never readable by others.
    private static void Create(string path)
    {
        StateDirectory.Create(Path.GetDirectoryName(path)!);
        var aside = $"{path}.{Environment.ProcessId}.tmp";
        // A file left by an earlier process would keep its own mode: made anew.
        File.Delete(aside);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(aside, options))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(ChatOptions.MinimumTokenKeyBytes)));
        }
        try
        {
            File.Move(aside, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(aside);
        }
    }
}
