using System.Security.Cryptography;
using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.Bench.Load;

// Any server of the chat contract. AspireChat mode: session tokens, every simulated user on a
// shared pool of HTTP/2 connections. Workshop mode: only AddUser, Listen and SendMessage with
// user, one connection per simulated user, as the workshop's client does.
internal sealed class ChatTarget(Uri server, bool workshop) : IFanOutTarget
{
    // How long a new stream's response headers are waited for. AspireChat writes them once the
    // stream is subscribed; a grpcio server sends them only with the first message, which comes
    // only once the bench sends: past this, the listener is counted as unconfirmed and used.
    private static readonly TimeSpan s_headersWait = TimeSpan.FromSeconds(1);
    // Every unary call has a deadline: a server that stops answering cannot stall the bench.
    private static readonly TimeSpan s_callDeadline = TimeSpan.FromSeconds(10);
    private readonly GrpcChannel _shared = BenchChannels.Create(server);
    private readonly List<GrpcChannel> _own = [];
    private readonly List<IDisposable> _calls = [];
    // Names unique to this run: a server keeps names a while after their users leave.
    private readonly string _run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private int _unconfirmed;

    public string Name => workshop ? "AspireChat (workshop calls)" : "AspireChat";

    // Listeners whose stream had sent no response headers when sending began.
    public int UnconfirmedListeners => _unconfirmed;

    public async Task<BenchListener> ListenAsync(int index, int senders, bool recordLatency, CancellationToken cancellationToken)
    {
        var (client, headers, _) = await RegisterAsync($"l{index}", cancellationToken);
        var call = client.Listen(new ListenRequest(), headers, cancellationToken: cancellationToken);
        lock (_calls)
        {
            _calls.Add(call);
        }
        await WaitForHeadersAsync(call, cancellationToken);
        return new BenchListener(call.ResponseStream.ReadAllAsync(cancellationToken).Select(m => m.Msg), senders, recordLatency);
    }

    public async Task<Func<string, CancellationToken, Task<bool>>> SenderAsync(int index, CancellationToken cancellationToken)
    {
        var (client, headers, name) = await RegisterAsync($"s{index}", cancellationToken);
        var user = new User { Username = name };
        return async (text, token) =>
        {
            var response = await client.SendMessageAsync(new Message { Msg = text, User = user }, headers, DateTime.UtcNow + s_callDeadline, token);
            // The workshop's server answers NONE; AspireChat's SENT. Anything else is a refusal.
            return response.Code is MessageResponse.Types.Code.Sent or MessageResponse.Types.Code.None;
        };
    }

    public async ValueTask DisposeAsync()
    {
        lock (_calls)
        {
            foreach (var call in _calls)
            {
                call.Dispose();
            }
        }
        foreach (var channel in _own)
        {
            channel.Dispose();
        }
        _shared.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitForHeadersAsync(AsyncServerStreamingCall<Message> call, CancellationToken cancellationToken)
    {
        try
        {
            await call.ResponseHeadersAsync.WaitAsync(s_headersWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref _unconfirmed);
        }
    }

    private async Task<(Chat.ChatClient Client, Metadata Headers, string Name)> RegisterAsync(string role, CancellationToken cancellationToken)
    {
        var channel = _shared;
        if (workshop)
        {
            channel = BenchChannels.Create(server);
            lock (_own)
            {
                _own.Add(channel);
            }
        }
        var client = new Chat.ChatClient(channel);
        var name = $"bench-{_run}-{role}";
        var response = await client.AddUserAsync(new User { Username = name }, deadline: DateTime.UtcNow + s_callDeadline, cancellationToken: cancellationToken);
        if (response.Code != MessageResponse.Types.Code.Added)
        {
            throw new InvalidOperationException($"The server did not add {name}: {response.Code} {response.Msg}");
        }
        var headers = workshop ? [] : new Metadata { { ChatMetadata.SessionTokenHeader, response.SessionToken } };
        return (client, headers, name);
    }
}
