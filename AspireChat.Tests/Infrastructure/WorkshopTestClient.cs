using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using Workshop.Protocol;

namespace AspireChat.Tests.Infrastructure;

// A client generated from the workshop's own proto, used as the workshop's client.py uses it: one
// channel, AddUser, Listen, SendMessage with the user; no token, no AspireChat fields.
public sealed class WorkshopTestClient(GrpcChannel channel) : IAsyncDisposable
{
    private readonly Chat.ChatClient _client = new(channel);
    private readonly Channel<Message> _received = Channel.CreateUnbounded<Message>();
    private readonly CancellationTokenSource _stop = new();
    private AsyncServerStreamingCall<Message>? _listen;
    private Task? _pump;

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
        _listen = _client.Listen(new ListenRequest());
        // Only a readiness signal for the test; the workshop client does not need it.
        await _listen.ResponseHeadersAsync.DefaultTimeout();
        _pump = PumpAsync(_listen);
    }

    public Task<MessageResponse> SendAsync(string text, string? asUser = null) =>
        _client.SendMessageAsync(new Message { Msg = text, User = new User { Username = asUser ?? Username } }).ResponseAsync.DefaultTimeout();

    public Task<Message> NextAsync() => _received.Reader.ReadAsync().DefaultTimeout();

    public async Task<IReadOnlyList<Message>> ReadUntilAsync(string text)
    {
        var before = new List<Message>();
        for (var message = await NextAsync(); message.Msg != text; message = await NextAsync())
        {
            before.Add(message);
        }
        return before;
    }

    public async ValueTask DisposeAsync()
    {
        // Stop the reader before disposing the call it reads.
        await _stop.CancelAsync();
        if (_pump is not null)
        {
            await _pump.DefaultTimeout();
        }
        _listen?.Dispose();
        _stop.Dispose();
        channel.Dispose();
    }

    private async Task PumpAsync(AsyncServerStreamingCall<Message> call)
    {
        try
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                _received.Writer.TryWrite(message);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || ex is RpcException { StatusCode: StatusCode.Cancelled })
        {
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
