using System.Net;
using System.Net.Sockets;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A TCP proxy in front of a server that can freeze: it then forwards nothing more in either
// direction, yet closes no socket, as when a network drops silently or a peer's machine vanishes.
// Neither end learns anything from TCP; only a protocol-level ping can tell. While frozen, a new
// connection is closed as soon as it is accepted, so a client's reconnects fail fast until Thaw.
public sealed class FreezingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _sockets = [];
    private readonly Task _accepting;
    private volatile bool _frozen;

    public FreezingTcpProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public void Freeze() => _frozen = true;

    // Connections made from now on are forwarded again; the frozen ones stay silent for good.
    public void Thaw() => _frozen = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.DefaultTimeout();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                if (_frozen)
                {
                    client.Dispose();
                    continue;
                }
                var server = new TcpClient();
                lock (_sockets)
                {
                    _sockets.Add(client);
                    _sockets.Add(server);
                }
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                _ = PumpAsync(client, server);
                _ = PumpAsync(server, client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.GetStream().ReadAsync(buffer, _stop.Token);
                if (_frozen)
                {
                    // Swallows this and everything after it, closes nothing.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                if (read == 0)
                {
                    to.Client.Shutdown(SocketShutdown.Send);
                    return;
                }
                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Disposed, or a side closed its connection before the freeze.
        }
    }
}
