using System.Diagnostics;
using AspireChat.RedisServer;

namespace AspireChat.Testing;

// Debian's redis-server as a real process on a free loopback port, with a data directory of its
// own and every write fsynced to the append-only file: killed (SIGKILL) and started again on the
// same port and directory, it has every write it acknowledged, as a production Redis with AOF.
public sealed class RedisServerProcess : IAsyncDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aspirechat-redis-");
    private readonly List<string> _lines = [];
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    // As the service reads it: ConnectionStrings:redis.
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) { return [.. _lines]; } }
    }

    public static async Task<RedisServerProcess> StartNewAsync()
    {
        var redis = new RedisServerProcess();
        try
        {
            await redis.StartAsync();
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    // Starts (or starts again) on the same port and data directory; returns once it answers PING.
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is running already.");
        }
        DebianPackages.Require("redis-server", () => File.Exists(ServerPath), "the Redis tests");
        _process?.Dispose();
        _process = Start();
        await WaitUntilAnswersPingAsync();
    }

    // SIGKILL: no shutdown save, no goodbye to clients; only what is in the AOF survives.
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync().DefaultTimeout();
        }
    }

    // SIGSTOP: it keeps its connections (and the kernel keeps accepting new ones) but answers
    // nothing, as a Redis in a long fork, a failover or behind a partition; ResumeAsync (SIGCONT)
    // lets it go on where it stopped. A paused server is still killed by KillAsync.
    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    // One command to this server, from outside the replicas: CONFIG SET maxmemory, say.
    public Task<IReadOnlyList<string>> CommandAsync(params string[] command) =>
        RedisProbe.CommandAsync(new Uri($"redis://{ConnectionString}"), command);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _data.Delete(recursive: true);
    }

    private async Task SignalAsync(string signal)
    {
        var process = _process is { HasExited: false } running ? running : throw new InvalidOperationException("redis-server is not running.");
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().DefaultTimeout();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {process.Id} exited with {kill.ExitCode}");
    }

    private Process Start()
    {
        var info = new ProcessStartInfo(ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in RedisServerCommand.Arguments($"{Port}", _data.FullName))
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // PING answered with PONG: once it listens and has loaded its AOF (LOADING before that).
    public Task<bool> AnswersPingAsync() => RedisProbe.AnswersPingAsync(new Uri($"redis://{ConnectionString}"));

    private Task WaitUntilAnswersPingAsync() =>
        TimeoutExtensions.WaitUntilAsync(
            () => _process!.HasExited
                ? throw new InvalidOperationException($"redis-server exited:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}")
                : AnswersPingAsync(),
            "redis-server answers PING", TimeoutExtensions.StartupTimeoutSpan, TimeSpan.FromMilliseconds(50));

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
