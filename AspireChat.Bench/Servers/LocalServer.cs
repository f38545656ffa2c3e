using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Reflection;
using System.Net.Sockets;
using AspireChat.RedisServer;

namespace AspireChat.Bench.Servers;

// A server the suite starts as a process of its own (from this program's build output, the web
// app's, or redis-server) on free loopback ports, with a temporary directory of its own (but the
// web app, which runs in its build output); disposed, it is killed and its directory deleted.
internal sealed class LocalServer : IAsyncDisposable
{
    private static readonly TimeSpan s_startupTimeout = TimeSpan.FromSeconds(60);

    // Servers not yet disposed: killed when this process is told to stop (SIGTERM, SIGINT) or
    // ends, before the run has disposed them, so that none is left running on its port.
    private static readonly ConcurrentDictionary<LocalServer, byte> s_running = new();
    private static readonly PosixSignalRegistration[] s_onStop =
        [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT }.Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))];

    private readonly Process _process;
    private readonly string _name;
    private readonly string? _ownDirectory;
    private readonly Queue<string> _output = new();

    static LocalServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private LocalServer(Process process, string name, int port, string? ownDirectory)
    {
        _process = process;
        _name = name;
        _ownDirectory = ownDirectory;
        Port = port;
    }

    // The port it serves on, on 127.0.0.1: gRPC (h2c), SignalR (WebSockets), or Redis's protocol.
    public int Port { get; }

    public Uri GrpcUrl => new($"http://127.0.0.1:{Port}");

    // The web app's pages.
    public Uri HttpUrl => new($"http://127.0.0.1:{Port}/");

    // The SignalR server's hub.
    public Uri HubUrl => new($"http://127.0.0.1:{Port}{SignalRServer.HubPath}");

    public ServerProcess Process => new(_process.Id);

    public int ProcessId => _process.Id;

    // The chat service, with its two endpoints (grpc h2c and http for health) on free ports and
    // a state directory (token key, names held) of its own, so no earlier run's state is read.
    public static Task<LocalServer> StartChatServiceAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var grpc = FreeLoopbackPort();
        var state = Directory.CreateTempSubdirectory("aspirechat-bench-state-").FullName;
        var environment = new Dictionary<string, string>(settings)
        {
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpc}",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{FreeLoopbackPort()}",
            ["Chat__StateDirectory"] = state,
        };
        var dll = Path.Combine(AppContext.BaseDirectory, "AspireChat.ChatService.dll");
        return StartAsync("dotnet", [dll], AppContext.BaseDirectory, environment, grpc, state, cancellationToken);
    }

    // The web app (AspireChat.Web) from its own build output, talking to chat as its trusted front
    // end. Development, as Aspire runs it: a build (not a publish) serves its static assets, the
    // Blazor script included, only from the static web assets manifest that environment reads.
    public static Task<LocalServer> StartWebAppAsync(Uri chat, string frontEndKey, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var directory = typeof(LocalServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebAppDirectory").Value!;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ChatClient__Server"] = chat.ToString(),
            ["ChatClient__FrontEndKey"] = frontEndKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        return StartAsync("dotnet", [Path.Combine(directory, "AspireChat.Web.dll")], directory, environment, port, ownDirectory: null, cancellationToken);
    }

    // The ceiling (`AspireChat.Bench ceiling-server`), in an empty directory of its own: the build
    // output holds the chat service's appsettings.json, whose endpoints it must not take.
    public static Task<LocalServer> StartCeilingAsync(CancellationToken cancellationToken)
    {
        var grpc = FreeLoopbackPort();
        var directory = Directory.CreateTempSubdirectory("aspirechat-ceiling-").FullName;
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{grpc}" };
        return StartAsync("dotnet", [typeof(LocalServer).Assembly.Location, "ceiling-server"], directory, environment, grpc, directory, cancellationToken);
    }

    // The SignalR hub (`AspireChat.Bench signalr-server`), in an empty directory of its own as the
    // ceiling is (the chat service's appsettings.json and its endpoints are not for it). Server GC,
    // which the chat service and the ceiling have from their runtime configuration, is said
    // outright: it is part of SignalR's best configuration.
    public static Task<LocalServer> StartSignalRAsync(CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var directory = Directory.CreateTempSubdirectory("aspirechat-signalr-").FullName;
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["DOTNET_gcServer"] = "1" };
        return StartAsync("dotnet", [typeof(LocalServer).Assembly.Location, "signalr-server"], directory, environment, port, directory, cancellationToken);
    }

    // redis-server as the product runs it (the AppHost's scale-out), its data in a directory of its own.
    public static Task<LocalServer> StartRedisAsync(CancellationToken cancellationToken)
    {
        var redisServer = RedisServerCommand.Find() ?? throw new InvalidOperationException(
            "redis-server is missing: the suite measures the backplane on a real redis-server. Install Debian's with `bash eng/install-redis.sh` (or `sudo apt-get install redis-server`).");
        var port = FreeLoopbackPort();
        var data = Directory.CreateTempSubdirectory("aspirechat-bench-redis-").FullName;
        return StartAsync(redisServer, [.. RedisServerCommand.Arguments($"{port}", data)], data, [], port, data, cancellationToken);
    }

    private static async Task<LocalServer> StartAsync(string program, string[] args, string workingDirectory, Dictionary<string, string> environment, int port, string? ownDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var shownAs = Path.GetFileName(program == "dotnet" ? args[0] : program);
        var server = new LocalServer(System.Diagnostics.Process.Start(start)!, shownAs, port, ownDirectory);
        s_running.TryAdd(server, 0);
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_startupTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before it listened:{Environment.NewLine}{string.Join(Environment.NewLine, Output())}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
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

    private static void KillAll()
    {
        foreach (var server in s_running.Keys)
        {
            try
            {
                server.Kill();
            }
            catch (InvalidOperationException)
            {
                // Disposed meanwhile: already gone.
            }
        }
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
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
        Kill();
        await _process.WaitForExitAsync();
        s_running.TryRemove(this, out _);
        _process.Dispose();
        DeleteOwnDirectory();
    }

    private void DeleteOwnDirectory()
    {
        try
        {
            if (_ownDirectory is not null && Directory.Exists(_ownDirectory))
            {
                Directory.Delete(_ownDirectory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is no reason to fail the run.
        }
    }
}
