using AspireChat.Protocol;
using Grpc.Net.Client;

namespace AspireChat.Tests.Infrastructure;

public static class OnlineUsers
{
    // A client process is ready to receive once the service counts its Listen stream.
    public static async Task WaitUntilListeningAsync(Uri server, string username)
    {
        using var channel = GrpcChannel.ForAddress(server);
        var client = new Chat.ChatClient(channel);
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            var users = await client.ListUsersAsync(new ListUsersRequest()).ResponseAsync.DefaultTimeout();
            return users.Users.Any(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase) && u.Listeners > 0);
        }, $"{username} is listening");
    }
}
