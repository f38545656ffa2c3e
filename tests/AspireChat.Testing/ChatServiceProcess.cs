namespace AspireChat.Testing;

// The chat service as a real process on ports of its own that survive a restart, for tests where
// the service goes away and comes back. Its token key and state directory (the names it holds
// after a restart) are its own too, and survive the restart as well. Settings (configuration
// keys such as "Chat:ReconnectGracePeriod") are passed as command-line arguments and win over
// those defaults; replicas of one backplane share a token key through them.
public sealed class ChatServiceProcess(IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    // Chosen here rather than by Kestrel: the ports must stay the same across a restart.
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private readonly string _tokenKey = TokenKeys.New();
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("aspirechat-state-");
    private ProjectProcess? _process;
    private ProjectProcess? _lastRun;

    public Uri GrpcAddress => new($"http://127.0.0.1:{_grpcPort}");

    public Uri HealthAddress => new($"http://127.0.0.1:{_httpPort}/health");

    public bool IsRunning => _process is { HasExited: false };

    // The CPU time the running process has used so far.
    public TimeSpan ProcessorTime => _process?.ProcessorTime ?? throw new InvalidOperationException("The chat service is not running.");

    // What the process wrote so far (the last run's), for a failure message.
    public IReadOnlyList<string> Output => (_process ?? _lastRun)?.Lines ?? [];

    public async Task StartAsync()
    {
        var arguments = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:grpc:Url"] = GrpcAddress.ToString(),
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{_httpPort}",
            ["Chat:TokenKey"] = _tokenKey,
            ["Chat:StateDirectory"] = _state.FullName,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }
        var process = _process = ProjectProcess.Start("AspireChat.ChatService", arguments.Select(a => $"--{a.Key}={a.Value}"));
        await process.WaitUntilHealthyAsync(HealthAddress, "The chat service");
    }

    // Killed (SIGKILL) unless graceful, when it is asked to stop (SIGTERM) and waited for.
    public async Task StopAsync(bool graceful = false)
    {
        if (_process is not null)
        {
            if (graceful)
            {
                await _process.TerminateAsync();
                await _process.WaitForExitAsync();
            }
            await _process.DisposeAsync();
            _lastRun = _process;
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _state.Delete(recursive: true);
    }
}
