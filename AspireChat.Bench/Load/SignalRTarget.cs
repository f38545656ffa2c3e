using System.Threading.Channels;
using AspireChat.Bench.Servers;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AspireChat.Bench.Load;

// The SignalR hub (signalr-server) through the official .NET client, MessagePack over
// WebSockets, as a SignalR chat client is: one HubConnection per simulated user, listener or
// sender, each joined with a name of its own. A failed send or a connection closed under a
// listener is reported as the bench reports every failure, in gRPC's terms (Unavailable,
// DeadlineExceeded, Unknown), so that the scenarios count it as they count the others'.
// Direct messages: each user one connection, connected as its name (so that `Clients.User`
// reaches it), receiving and sending on it.
internal sealed class SignalRTarget(Uri hub) : IFanOutTarget, IDirectTarget
{
    // Every send has a deadline: a server that stops answering cannot stall the bench.
    private static readonly TimeSpan s_callDeadline = TimeSpan.FromSeconds(10);
    private readonly List<HubConnection> _connections = [];
    // Names unique to this run: the hub forgets a name only once its connection has closed.
    private readonly string _run = ChatTarget.NewRun();

    public const string ServerName = "SignalR (MessagePack, WebSockets)";

    public string Name => ServerName;

    // Subscribed when this returns: the hub runs no invocation (Join) before it has added the
    // connection to its clients.
    public async Task<BenchListener> ListenAsync(int index, int senders, bool recordLatency, CancellationToken cancellationToken)
    {
        var connection = Create(hub);
        var received = Receive(connection);
        await JoinAsync(connection, NameOf($"l{index}"), cancellationToken);
        return new BenchListener(received.ReadAllAsync(cancellationToken), senders, recordLatency);
    }

    // A sender is a client like any other: it gets every broadcast too (Clients.All), and ignores it.
    public async Task<Func<string, CancellationToken, Task<bool>>> SenderAsync(int index, CancellationToken cancellationToken)
    {
        var connection = Create(hub);
        connection.On<string, string, long>(SignalRRoom.MessageMethod, (_, _, _) => { });
        await JoinAsync(connection, NameOf($"s{index}"), cancellationToken);
        return (text, token) => SendAsync(connection, t => connection.InvokeAsync<long>(nameof(ChatHub.Send), text, t), token);
    }

    public async Task<DirectUser> JoinAsync(int index, int users, CancellationToken cancellationToken)
    {
        var name = NameOf($"u{index}");
        var connection = Create(new Uri($"{hub}?{NameUserIdProvider.QueryKey}={Uri.EscapeDataString(name)}"));
        var received = Receive(connection);
        await JoinAsync(connection, name, cancellationToken);
        var listener = new BenchListener(received.ReadAllAsync(cancellationToken), users, recordLatency: false);
        return new DirectUser(listener, (to, text, token) =>
            SendAsync(connection, t => connection.InvokeAsync<long>(nameof(ChatHub.SendToUser), NameOf($"u{to}"), text, t), token));
    }

    public async ValueTask DisposeAsync()
    {
        HubConnection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    }

    private HubConnection Create(Uri url)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url, HttpTransportType.WebSockets, options => options.SkipNegotiation = true)
            .AddMessagePackProtocol()
            .Build();
        lock (_connections)
        {
            _connections.Add(connection);
        }
        return connection;
    }

    // The texts of the messages the connection receives; a closed connection ends them.
    private static ChannelReader<string> Receive(HubConnection connection)
    {
        var received = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        connection.On<string, string, long>(SignalRRoom.MessageMethod, (_, text, _) => received.Writer.TryWrite(text));
        connection.Closed += error =>
        {
            received.Writer.TryComplete(new RpcException(new Status(StatusCode.Unavailable, $"the connection closed: {error?.Message ?? "by the server"}")));
            return Task.CompletedTask;
        };
        return received.Reader;
    }

    private string NameOf(string role) => $"bench-{_run}-{role}";

    private static async Task JoinAsync(HubConnection connection, string name, CancellationToken cancellationToken)
    {
        await connection.StartAsync(cancellationToken);
        if (!await connection.InvokeAsync<bool>(nameof(ChatHub.Join), name, cancellationToken))
        {
            throw new InvalidOperationException($"The hub did not let {name} join: the name is taken.");
        }
    }

    // invoke: the hub method, answering the message's sequence number.
    private static async Task<bool> SendAsync(HubConnection connection, Func<CancellationToken, Task<long>> invoke, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_callDeadline);
        try
        {
            return await invoke(deadline.Token) > 0;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "the hub did not answer in time"));
        }
        catch (HubException ex)
        {
            throw new RpcException(new Status(StatusCode.Unknown, ex.Message));
        }
        catch (Exception ex) when (ex is IOException || (ex is InvalidOperationException && connection.State != HubConnectionState.Connected))
        {
            // The connection closed during the call, or before it.
            throw new RpcException(new Status(StatusCode.Unavailable, ex.Message));
        }
    }
}
