using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.Testing;

// A client of the AspireChat contract on its own connection, sending its session token.
public sealed class ChatTestClient(GrpcChannel channel) : IAsyncDisposable
{
    private readonly Chat.ChatClient _client = new(channel);

    public string? Username { get; private set; }

    public string? SessionToken { get; set; }

    public static async Task<ChatTestClient> RegisterAsync(ChatServiceFactory server, string username)
    {
        var client = new ChatTestClient(server.CreateChannel());
        var response = await client.AddUserAsync(username);
        Assert.Equal(MessageResponse.Types.Code.Added, response.Code);
        return client;
    }

    // The same user (name and session token) on another connection: another replica, say.
    public ChatTestClient SameUserOn(GrpcChannel other) => new(other) { Username = Username, SessionToken = SessionToken };

    public async Task<MessageResponse> AddUserAsync(string username)
    {
        var response = await _client.AddUserAsync(new User { Username = username }, Headers()).ResponseAsync.DefaultTimeout();
        if (response.Code == MessageResponse.Types.Code.Added)
        {
            Username = response.Username;
            SessionToken = response.SessionToken;
        }
        return response;
    }

    public Task<MessageResponse> SendAsync(string text, string? asUser = null) =>
        _client.SendMessageAsync(new Message { Msg = text, User = new User { Username = asUser ?? Username ?? "" } }, Headers()).ResponseAsync.DefaultTimeout();

    // Opens a Listen stream and waits until the service has subscribed it.
    public async Task<StreamProbe<Message>> ListenAsync(ListenRequest? request = null)
    {
        var probe = new StreamProbe<Message>(_client.Listen(request ?? new ListenRequest(), Headers()), m => m.Msg);
        await probe.ReadyAsync();
        return probe;
    }

    public AsyncServerStreamingCall<Message> OpenListen(ListenRequest? request = null) =>
        _client.Listen(request ?? new ListenRequest(), Headers());

    public Task<ListUsersResponse> ListUsersAsync() =>
        _client.ListUsersAsync(new ListUsersRequest(), Headers()).ResponseAsync.DefaultTimeout();

    public ValueTask DisposeAsync()
    {
        channel.Dispose();
        return ValueTask.CompletedTask;
    }

    private Metadata Headers() => SessionToken is null ? [] : new Metadata { { ChatMetadata.SessionTokenHeader, SessionToken } };
}
