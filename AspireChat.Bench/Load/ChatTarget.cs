using System.Security.Cryptography;
using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.Bench.Load;

// Any server of the chat contract. AspireChat mode: session tokens, every simulated user on a
// shared pool of HTTP/2 connections. Workshop mode: only AddUser, Listen and SendMessage with
// user, one connection per simulated user, as the workshop's client does. Run: what makes this
// run's names unique (a server keeps names a while after their users leave); replicas of one
// room share it, so that a user on one can address a user on another by name.
internal sealed class ChatTarget(Uri server, bool workshop, string? run = null) : IFanOutTarget, IDirectTarget
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
    private readonly string _run = run ?? NewRun();
    private int _unconfirmed;

    public const string ServiceName = "AspireChat";

    public string Name => workshop ? $"{ServiceName} (workshop calls)" : ServiceName;

    // Listeners whose stream had sent no response headers when sending began.
    public int UnconfirmedListeners => _unconfirmed;

    public static string NewRun() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    public async Task<BenchListener> ListenAsync(int index, int senders, bool recordLatency, CancellationToken cancellationToken)
    {
        var (client, headers, _) = await RegisterAsync($"l{index}", cancellationToken);
        return await OpenListenerAsync(client, headers, senders, recordLatency, m => m.Msg, cancellationToken);
    }

    public async Task<Func<string, CancellationToken, Task<bool>>> SenderAsync(int index, CancellationToken cancellationToken)
    {
        var (client, headers, name) = await RegisterAsync($"s{index}", cancellationToken);
        var user = new User { Username = name };
        return (text, token) => SendAsync(client, headers, user, text, token);
    }

    // A direct message is the chat's rule, `@name text`, and arrives as it was sent, to the
    // recipient's streams only: the listener counts the text after the name.
    public async Task<DirectUser> JoinAsync(int index, int users, CancellationToken cancellationToken)
    {
        var (client, headers, name) = await RegisterAsync(DirectRole(index), cancellationToken);
        var listener = await OpenListenerAsync(client, headers, users, recordLatency: false, m => AfterRecipient(m.Msg), cancellationToken);
        var user = new User { Username = name };
        return new DirectUser(listener, (to, text, token) => SendAsync(client, headers, user, $"@{NameOf(DirectRole(to))} {text}", token));
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

    private static string DirectRole(int index) => $"u{index}";

    private static string AfterRecipient(string text) =>
        text.StartsWith('@') && text.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? text[(space + 1)..] : text;

    private static async Task<bool> SendAsync(Chat.ChatClient client, Metadata headers, User user, string text, CancellationToken cancellationToken)
    {
        var response = await client.SendMessageAsync(new Message { Msg = text, User = user }, headers, DateTime.UtcNow + s_callDeadline, cancellationToken);
        // The workshop's server answers NONE; AspireChat's SENT. Anything else is a refusal.
        return response.Code is MessageResponse.Types.Code.Sent or MessageResponse.Types.Code.None;
    }

    private async Task<BenchListener> OpenListenerAsync(Chat.ChatClient client, Metadata headers, int senders, bool recordLatency, Func<Message, string> text, CancellationToken cancellationToken)
    {
        var call = client.Listen(new ListenRequest(), headers, cancellationToken: cancellationToken);
        lock (_calls)
        {
            _calls.Add(call);
        }
        await WaitForHeadersAsync(call, cancellationToken);
        return new BenchListener(call.ResponseStream.ReadAllAsync(cancellationToken).Select(text), senders, recordLatency);
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
        var name = NameOf(role);
        var response = await client.AddUserAsync(new User { Username = name }, deadline: DateTime.UtcNow + s_callDeadline, cancellationToken: cancellationToken);
        if (response.Code != MessageResponse.Types.Code.Added)
        {
            throw new InvalidOperationException($"The server did not add {name}: {response.Code} {response.Msg}");
        }
        var headers = workshop ? [] : new Metadata { { ChatMetadata.SessionTokenHeader, response.SessionToken } };
        return (client, headers, name);
    }

    private string NameOf(string role) => $"bench-{_run}-{role}";
}
