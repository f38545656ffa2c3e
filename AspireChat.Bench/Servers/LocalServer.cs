using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AspireChat.Bench.Servers;

// A server the suite starts as a process of its own, from this program's build output, on free
// loopback ports, and kills when it is done with it.
internal sealed class LocalServer : IAsyncDisposable
{
    private static readonly TimeSpan s_startupTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private LocalServer(Process process, Uri grpcUrl)
    {
        _process = process;
        GrpcUrl = grpcUrl;
    }

    public Uri GrpcUrl { get; }

    public ServerProcess Process => new(_process.Id);

    public int ProcessId => _process.Id;

    // The chat service, with its two endpoints (grpc h2c and http for health) on free ports.
    public static Task<LocalServer> StartChatServiceAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var grpc = FreeLoopbackPort();
        var environment = new Dictionary<string, string>(settings)
        {
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpc}",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{FreeLoopbackPort()}",
        };
        return StartAsync(Path.Combine(AppContext.BaseDirectory, "AspireChat.ChatService.dll"), [], AppContext.BaseDirectory, environment, grpc, cancellationToken);
    }

    // The ceiling (`AspireChat.Bench ceiling-server`), in an empty directory of its own: the build
    // output holds the chat service's appsettings.json, whose endpoints it must not take.
    public static Task<LocalServer> StartCeilingAsync(CancellationToken cancellationToken)
    {
        var grpc = FreeLoopbackPort();
        var directory = Directory.CreateTempSubdirectory("aspirechat-ceiling-").FullName;
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{grpc}" };
        return StartAsync(typeof(LocalServer).Assembly.Location, ["ceiling-server"], directory, environment, grpc, cancellationToken);
    }

    private static async Task<LocalServer> StartAsync(string assembly, string[] args, string workingDirectory, Dictionary<string, string> environment, int grpcPort, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var server = new LocalServer(System.Diagnostics.Process.Start(start)!, new Uri($"http://127.0.0.1:{grpcPort}"));
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync(grpcPort, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_startupTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} exited with code {_process.ExitCode} before it listened:{Environment.NewLine}{string.Join(Environment.NewLine, Output())}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 50)
            {
                _output.Dequeue();
            }
        }
    }

    private string[] Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    // A port nobody listens on now; the server binds it a moment later.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
