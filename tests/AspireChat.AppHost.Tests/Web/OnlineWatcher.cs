using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Net.Client;

namespace AspireChat.AppHost.Tests.Web;

// A user of chat's own who asks it who is online and with how many Listen streams. It listens
// too: a name with no stream lapses after the grace period, and ListUsers answers users only.
public sealed class OnlineWatcher : IAsyncDisposable
{
    private readonly ChatTestClient _client;
    private readonly StreamProbe<Message> _listening;

    private OnlineWatcher(ChatTestClient client, StreamProbe<Message> listening)
    {
        _client = client;
        _listening = listening;
    }

    public static async Task<OnlineWatcher> JoinAsync(Uri chat)
    {
        var client = new ChatTestClient(GrpcChannel.ForAddress(chat));
        Assert.Equal(MessageResponse.Types.Code.Added, (await client.AddUserAsync(UniqueName.For("watcher"))).Code);
        return new OnlineWatcher(client, await client.ListenAsync());
    }

    // The user's Listen streams as chat counts them; null when the name is not taken.
    public async Task<uint?> ListenersAsync(string username) =>
        (await _client.ListUsersAsync()).Users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase))?.Listeners;

    // Asks at most four times a second (chat allows an address five ListUsers a second).
    public Task WaitUntilAsync(string username, Func<uint?, bool> listeners, string what, TimeSpan? timeout = null) =>
        TimeoutExtensions.WaitUntilAsync(async () => listeners(await ListenersAsync(username)), what, timeout, TimeSpan.FromMilliseconds(250));

    public async ValueTask DisposeAsync()
    {
        await _listening.DisposeAsync();
        await _client.DisposeAsync();
    }
}
