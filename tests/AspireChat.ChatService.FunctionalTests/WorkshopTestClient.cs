using AspireChat.Testing;
using Grpc.Net.Client;
using Workshop.Protocol;

namespace AspireChat.ChatService.FunctionalTests;

// A client generated from the workshop's own proto, used as the workshop's client.py uses it: one
// channel, AddUser, Listen, SendMessage with the user; no token, no AspireChat fields.
public sealed class WorkshopTestClient(GrpcChannel channel) : IAsyncDisposable
{
    private readonly Chat.ChatClient _client = new(channel);
    private StreamProbe<Message>? _listen;

    public string Username { get; private set; } = "";

    public async Task<MessageResponse> AddUserAsync(string username)
    {
        var response = await _client.AddUserAsync(new User { Username = username }).ResponseAsync.DefaultTimeout();
        if (response.Code == MessageResponse.Types.Code.Added)
        {
            Username = username;
        }
        return response;
    }

    public async Task ListenAsync()
    {
        _listen = new StreamProbe<Message>(_client.Listen(new ListenRequest()), m => m.Msg);
        // Only a readiness signal for the test; the workshop client does not need it.
        await _listen.ReadyAsync();
    }

    public Task<MessageResponse> SendAsync(string text, string? asUser = null) =>
        _client.SendMessageAsync(new Message { Msg = text, User = new User { Username = asUser ?? Username } }).ResponseAsync.DefaultTimeout();

    public Task<Message> NextAsync() => Listening.NextAsync();

    public Task<IReadOnlyList<Message>> ReadUntilAsync(string text) => Listening.ReadUntilAsync(text);

    public async ValueTask DisposeAsync()
    {
        if (_listen is not null)
        {
            await _listen.DisposeAsync();
        }
        channel.Dispose();
    }

    private StreamProbe<Message> Listening => _listen ?? throw new InvalidOperationException("Call ListenAsync first.");
}
