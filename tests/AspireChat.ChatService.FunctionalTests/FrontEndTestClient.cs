using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.ChatService.FunctionalTests;

// The calls a front end makes for one person over its own connection, which the other people it
// serves share: every call names the person's address and carries the front end's key (when
// given), and the person's session token once registered. The channel is the test's.
public sealed class FrontEndTestClient(GrpcChannel frontEnd, string? personAddress, string? key)
{
    private readonly Chat.ChatClient _client = new(frontEnd);

    public string? SessionToken { get; set; }

    public async Task<MessageResponse> AddUserAsync(string username)
    {
        var response = await _client.AddUserAsync(new User { Username = username }, Headers()).ResponseAsync.DefaultTimeout();
        if (response.Code == MessageResponse.Types.Code.Added)
        {
            SessionToken = response.SessionToken;
        }
        return response;
    }

    public Task<MessageResponse> SendAsync(string text) =>
        _client.SendMessageAsync(new Message { Msg = text }, Headers()).ResponseAsync.DefaultTimeout();

    public async Task<StreamProbe<Message>> ListenAsync()
    {
        var probe = new StreamProbe<Message>(OpenListen(), m => m.Msg);
        await probe.ReadyAsync();
        return probe;
    }

    public AsyncServerStreamingCall<Message> OpenListen() => _client.Listen(new ListenRequest(), Headers());

    public Task<ListUsersResponse> ListUsersAsync() =>
        _client.ListUsersAsync(new ListUsersRequest(), Headers()).ResponseAsync.DefaultTimeout();

    private Metadata Headers()
    {
        var headers = new Metadata();
        if (personAddress is not null)
        {
            headers.Add(ChatMetadata.ForwardedForHeader, personAddress);
        }
        if (key is not null)
        {
            headers.Add(ChatMetadata.FrontEndKeyHeader, key);
        }
        if (SessionToken is not null)
        {
            headers.Add(ChatMetadata.SessionTokenHeader, SessionToken);
        }
        return headers;
    }
}
