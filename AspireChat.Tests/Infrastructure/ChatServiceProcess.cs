namespace AspireChat.Tests.Infrastructure;

// The chat service as a real process on ports of its own that survive a restart, for tests where
// the service goes away and comes back. Its token key and state directory (the names it holds
// after a restart) are its own too, and survive the restart as well.
public sealed class ChatServiceProcess : IAsyncDisposable
{
    // Chosen here rather than by Kestrel: the ports must stay the same across a restart.
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private readonly string _tokenKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("aspirechat-state-");
    private ProjectProcess? _process;

    public Uri GrpcAddress => new($"http://127.0.0.1:{_grpcPort}");

    public async Task StartAsync()
    {
        var process = _process = ProjectProcess.Start("AspireChat.ChatService",
        [
            $"--Kestrel:Endpoints:grpc:Url={GrpcAddress}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{_httpPort}",
            $"--Chat:TokenKey={_tokenKey}",
            $"--Chat:StateDirectory={_state.FullName}",
        ]);
        await process.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{_httpPort}/health"), "The chat service");
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
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _state.Delete(recursive: true);
    }
}
