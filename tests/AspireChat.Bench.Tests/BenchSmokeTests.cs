using System.Text.Json;
using AspireChat.Testing;

namespace AspireChat.Bench.Tests;

// The benchmark is not a test; this smoke of a few seconds keeps it compiling and honest: it
// starts its own servers, runs every scenario briefly, and nothing is lost at that load.
public sealed class BenchSmokeTests
{
    // The suite includes the SignalR hub and the backplane (chat replicas on a redis-server it
    // starts): a missing redis-server fails this test with the suite's message saying how to install it.
    [Fact]
    public async Task Suite_Smoke_RunsEveryScenario_AndLosesNothing()
    {
        var output = Path.Combine(Path.GetTempPath(), $"aspirechat-bench-{Guid.NewGuid():N}.json");
        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["suite", "--smoke", "--output", output]);

        var exitCode = await bench.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan * 2);

        Assert.True(exitCode == 0, $"suite --smoke exited with {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, bench.Lines)}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        File.Delete(output);
        var fanOut = report.RootElement.GetProperty("fanOut").EnumerateArray().ToList();
        Assert.Equal(8, fanOut.Count);
        Assert.Equal(2, fanOut.Count(r => r.GetProperty("target").GetString()!.Contains("replicas + Redis")));
        Assert.Equal(2, fanOut.Count(r => r.GetProperty("target").GetString()!.StartsWith("SignalR")));
        Assert.All(fanOut, r =>
        {
            Assert.True(r.GetProperty("accepted").GetInt64() > 0);
            Assert.Equal(0, r.GetProperty("lost").GetInt64());
            Assert.Equal(0, r.GetProperty("outOfOrder").GetInt64());
            Assert.Equal(0, r.GetProperty("duplicates").GetInt64());
        });
        var capacity = report.RootElement.GetProperty("capacity").EnumerateArray().ToList();
        Assert.Contains(capacity, r => r.GetProperty("target").GetString()!.StartsWith("SignalR"));
        Assert.All(capacity, r => Assert.Equal(r.GetProperty("connected").GetInt32(), r.GetProperty("broadcastReceivedBy").GetInt32()));
        var latency = report.RootElement.GetProperty("latency").EnumerateArray().ToList();
        Assert.Contains(latency, r => r.GetProperty("target").GetString()!.Contains("cross-replica"));
        Assert.Contains(latency, r => r.GetProperty("target").GetString()!.StartsWith("SignalR"));
        Assert.All(latency, r =>
        {
            Assert.Equal(0, r.GetProperty("lost").GetInt64());
            Assert.Equal(0, r.GetProperty("duplicates").GetInt64());
        });
        Assert.Equal(2, report.RootElement.GetProperty("backplaneRatios").GetArrayLength());
        Assert.Equal(2, report.RootElement.GetProperty("signalRRatios").GetArrayLength());
        Assert.Equal(1, report.RootElement.GetProperty("signalRLatencyRatios").GetArrayLength());
        Assert.Contains("AspireChat / ceiling", string.Join('\n', bench.Lines));
        Assert.Contains("AspireChat / SignalR", string.Join('\n', bench.Lines));
        Assert.Contains("Backplane (3 replicas + Redis) / in-memory", string.Join('\n', bench.Lines));
    }

    [Fact]
    public async Task FanOut_AgainstAnyServer_WithOnlyTheWorkshopsCalls_Works()
    {
        await using var server = new ChatServiceProcess();
        await server.StartAsync();

        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["fanout", "--server", server.GrpcAddress.ToString(), "--workshop", "--listeners", "4", "--senders", "1", "--duration", "1"]);

        Assert.Equal(0, await bench.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan));
        await bench.WaitForLineAsync(line => line.Contains("AspireChat (workshop calls)"), "the result row");
    }

    // A grpcio server sends Listen's response headers only with the first
    // message; the bench must not wait for them before sending, and must report what it got.
    [PythonGrpcFact]
    public async Task FanOut_AgainstAGrpcioServer_ThatSendsHeadersWithItsFirstMessage_FinishesAndReports()
    {
        await using var server = await GrpcioWorkshopServer.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["fanout", "--server", server.Address.ToString(), "--workshop", "--listeners", "4", "--senders", "1", "--duration", "2"]);

        Assert.Equal(0, await bench.WaitForExitAsync(TimeSpan.FromSeconds(45)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
        await bench.WaitForLineAsync(line => line.Contains("AspireChat (workshop calls)"), "the result row");
        Assert.DoesNotContain(bench.Lines, line => line.Contains("could not use the server"));
    }

    [Fact]
    public async Task BadServerAddress_IsAClearError()
    {
        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["fanout", "--server", "localhost:50051"]);

        Assert.NotEqual(0, await bench.WaitForExitAsync());
        Assert.Contains(bench.Lines, line => line.Contains("--server needs an http:// address"));
    }
}
