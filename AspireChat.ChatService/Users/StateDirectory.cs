namespace AspireChat.ChatService.Users;

// Chat:StateDirectory holds the development token key and the names online: made readable by its
// owner alone, so neither is ever open to another user of the machine, whatever the umask.
internal static class StateDirectory
{
    public static void Create(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
