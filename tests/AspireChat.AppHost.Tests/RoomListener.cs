using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Net.Client;

namespace AspireChat.AppHost.Tests;

// A registered user of a running app's chat service who listens to the room and remembers
// everything it received.
public sealed class RoomListener : IAsyncDisposable
{
    private readonly ChatTestClient _client;
    private readonly StreamProbe<Message> _stream;
    private readonly List<Message> _received = [];

    private RoomListener(ChatTestClient client, StreamProbe<Message> stream)
    {
        _client = client;
        _stream = stream;
    }

    public string Username => _client.Username!;

    public IReadOnlyList<Message> Received => _received;

    // Completes when the Listen stream ends; faults with the RpcException it ended with.
    public Task Completion => _stream.Completion;

    public static async Task<RoomListener> JoinAsync(Uri chat, string name)
    {
        var client = new ChatTestClient(GrpcChannel.ForAddress(chat));
        var response = await client.AddUserAsync(UniqueName.For(name));
        Assert.Equal(MessageResponse.Types.Code.Added, response.Code);
        return new RoomListener(client, await client.ListenAsync());
    }

    public Task<MessageResponse> SendAsync(string text) => _client.SendAsync(text);

    // Reads until a message matches; the bots' scripts take up to half a minute to come round.
    public async Task<Message> WaitForAsync(Func<Message, bool> match, string what)
    {
        using var deadline = new CancellationTokenSource(TimeoutExtensions.StartupTimeoutSpan);
        try
        {
            while (!deadline.IsCancellationRequested)
            {
                var message = await _stream.NextAsync();
                _received.Add(message);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (TimeoutException)
        {
            // A single read timed out: reported below with what did arrive.
        }
        throw new TimeoutException($"Timed out waiting for {what}; received: {string.Join(" | ", _received.Select(m => $"{m.User?.Username}: {m.Msg}"))}");
    }

    public Task<Message> WaitForBroadcastAsync(string from) =>
        WaitForAsync(m => m.User?.Username == from && m.Recipient is null, $"a message from {from}");

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        await _client.DisposeAsync();
    }
}
