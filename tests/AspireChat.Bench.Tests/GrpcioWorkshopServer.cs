using System.Diagnostics;
using System.Globalization;
using AspireChat.Testing;

namespace AspireChat.Bench.Tests;

// The workshop's contract served by Python grpcio (Python/workshop_server.py), which
// sends a stream's response headers only with its first message.
public sealed class GrpcioWorkshopServer : IAsyncDisposable
{
    private readonly Process _process;

    private GrpcioWorkshopServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<GrpcioWorkshopServer> StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Python", "workshop_server.py");
        var process = Process.Start(new ProcessStartInfo(PythonGrpcFactAttribute.Python, [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        // Its first line: "listening on <port>".
        var line = await process.StandardOutput.ReadLineAsync().DefaultTimeout();
        if (line?.StartsWith("listening on ", StringComparison.Ordinal) != true)
        {
            process.Kill();
            throw new InvalidOperationException($"The grpcio server did not start: {line} {await process.StandardError.ReadToEndAsync().DefaultTimeout()}");
        }
        var port = int.Parse(line["listening on ".Length..], CultureInfo.InvariantCulture);
        return new GrpcioWorkshopServer(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync().DefaultTimeout();
        _process.Dispose();
    }
}
