using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Net.Client;

namespace AspireChat.ChatService.FunctionalTests.Clients;

public static class OnlineUsers
{
    // A client process is ready to receive once the service counts its Listen stream. Asked by a
    // watcher of its own (ListUsers answers registered callers only), at most four times a second
    // (the service's default ListUsers rate per address is five).
    public static async Task WaitUntilListeningAsync(Uri server, string username)
    {
        await using var watcher = new ChatTestClient(GrpcChannel.ForAddress(server));
        Assert.Equal(MessageResponse.Types.Code.Added, (await watcher.AddUserAsync(UniqueName.For("watcher"))).Code);
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            var users = await watcher.ListUsersAsync();
            return users.Users.Any(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase) && u.Listeners > 0);
        }, $"{username} is listening", every: TimeSpan.FromMilliseconds(250));
    }
}
