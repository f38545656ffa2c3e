namespace AspireChat.Tests.Infrastructure;

// The chat service as a real process on ports of its own that survive a restart, for tests where
// the service goes away and comes back.
public sealed class ChatServiceProcess : IAsyncDisposable
{
    // Chosen here rather than by Kestrel: the ports must stay the same across a restart.
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private ProjectProcess? _process;

    public Uri GrpcAddress => new($"http://127.0.0.1:{_grpcPort}");

    public async Task StartAsync()
    {
        var process = _process = ProjectProcess.Start("AspireChat.ChatService",
        [
            $"--Kestrel:Endpoints:grpc:Url={GrpcAddress}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{_httpPort}",
        ]);
        await process.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{_httpPort}/health"), "The chat service");
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
