using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.Bench.Tests;

// The benchmark is not a test; this smoke of a few seconds keeps it compiling and honest: it
// starts its own servers, runs every scenario briefly, and nothing is lost at that load. Every
// command that counts deliveries exits non-zero when one was lost, duplicated or reordered.
public sealed class BenchSmokeTests
{
    // The suite includes the SignalR hub and the backplane (chat replicas on a redis-server it
    // starts): a missing redis-server fails this test with the suite's message saying how to install it.
    [Fact]
    public async Task Suite_Smoke_RunsEveryScenario_AndLosesNothing()
    {
        var output = Path.Combine(Path.GetTempPath(), $"aspirechat-bench-{Guid.NewGuid():N}.json");
        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["suite", "--smoke", "--output", output]);

        var exitCode = await bench.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan * 3);

        Assert.True(exitCode == 0, $"suite --smoke exited with {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, bench.Lines)}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        File.Delete(output);
        AssertFanOutLatencyAndCapacityExact(report.RootElement);
        AssertDirectMessagesExact(report.RootElement);
        AssertAtRestAndTargets(report.RootElement);
        var printed = string.Join('\n', bench.Lines);
        Assert.Contains("AspireChat / ceiling", printed);
        Assert.Contains("AspireChat / SignalR", printed);
        Assert.Contains("Backplane (3 replicas + Redis) / in-memory", printed);
        Assert.Contains("Direct messages, backplane (3 replicas + Redis) / in-memory", printed);
        Assert.Contains("Idle: each server's CPU at rest", printed);
        Assert.Contains("Targets (2 cores)", printed);
    }

    // A direct message goes to its recipient's streams only, not back to the sender's: the
    // bench counts any copy a user was not sent as misdelivered, and exits non-zero on one. The
    // service's own limits stay on: a refused message must not arrive either.
    [Fact]
    public async Task DirectMessages_AgainstTheChatService_ReachTheirRecipientOnly_OnceAndInOrder()
    {
        await using var server = new ChatServiceProcess();
        await server.StartAsync();

        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["dm", "--server", server.GrpcAddress.ToString(), "--users", "4", "--duration", "1"]);

        var exitCode = await bench.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan);
        var output = string.Join(Environment.NewLine, bench.Lines);
        Assert.True(exitCode == 0, $"dm exited with {exitCode}:{Environment.NewLine}{output}");
        var accepted = PrintedFigure(bench.Lines, "Accepted");
        Assert.True(accepted > 0, output);
        Assert.True(PrintedFigure(bench.Lines, "Delivered") == accepted, output);
        Assert.True(PrintedFigure(bench.Lines, "Lost") == 0, output);
        Assert.True(PrintedFigure(bench.Lines, "Misdelivered") == 0, output);
        Assert.True(PrintedFigure(bench.Lines, "Duplicates") == 0, output);
        Assert.True(PrintedFigure(bench.Lines, "OutOfOrder") == 0, output);
    }

    [Fact]
    public async Task FanOut_AgainstAnyServer_WithOnlyTheWorkshopsCalls_DeliversEveryMessage()
    {
        await using var server = new ChatServiceProcess();
        await server.StartAsync();

        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["fanout", "--server", server.GrpcAddress.ToString(), "--workshop", "--listeners", "4", "--senders", "1", "--duration", "1"]);

        var exitCode = await bench.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan);
        AssertEveryMessageDelivered(bench, exitCode, listeners: 4);
    }

    // A grpcio server sends Listen's response headers only with the first
    // message; the bench must not wait for them before sending, and must report what it got.
    [PythonGrpcFact]
    public async Task FanOut_AgainstAGrpcioServer_ThatSendsHeadersWithItsFirstMessage_FinishesAndDeliversEveryMessage()
    {
        await using var server = await GrpcioWorkshopServer.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["fanout", "--server", server.Address.ToString(), "--workshop", "--listeners", "4", "--senders", "1", "--duration", "2"]);

        var exitCode = await bench.WaitForExitAsync(TimeSpan.FromSeconds(45));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
        Assert.DoesNotContain(bench.Lines, line => line.Contains("could not use the server"));
        AssertEveryMessageDelivered(bench, exitCode, listeners: 4);
    }

    // The bench's verdict is its exit code: a server that accepts every message and delivers
    // only some makes it fail, with the loss counted.
    [Fact]
    public async Task FanOut_AgainstAServerThatLosesMessages_ExitsNonZero_AndCountsTheLoss()
    {
        await using var server = await GrpcTestServer.StartAsync(new LossyWorkshopService());

        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["fanout", "--server", server.Address.ToString(), "--workshop", "--listeners", "2", "--senders", "1", "--duration", "1"]);

        var exitCode = await bench.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan);
        var output = string.Join(Environment.NewLine, bench.Lines);
        Assert.True(exitCode != 0, $"fanout exited with 0 though messages were lost:{Environment.NewLine}{output}");
        Assert.True(PrintedFigure(bench.Lines, "Lost") > 0, output);
        Assert.Contains(bench.Lines, line => line.StartsWith("Not exact:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadServerAddress_IsAClearError()
    {
        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["fanout", "--server", "localhost:50051"]);

        Assert.NotEqual(0, await bench.WaitForExitAsync());
        Assert.Contains(bench.Lines, line => line.Contains("--server needs an http:// address"));
    }

    // The fan-out at 1 and 8 listeners and the latency at 8 on every server, and the capacity
    // runs: nothing lost, doubled or reordered; the ratios at each size.
    private static void AssertFanOutLatencyAndCapacityExact(JsonElement report)
    {
        AssertExactRows(report, "fanOut", servers: 4, sizes: 2, "lost", "outOfOrder", "duplicates");
        var capacity = report.GetProperty("capacity").EnumerateArray().ToList();
        Assert.Contains(capacity, r => r.GetProperty("target").GetString()!.StartsWith("SignalR"));
        Assert.All(capacity, r => Assert.Equal(r.GetProperty("connected").GetInt32(), r.GetProperty("broadcastReceivedBy").GetInt32()));
        var latency = report.GetProperty("latency").EnumerateArray().ToList();
        Assert.Contains(latency, r => r.GetProperty("target").GetString()!.Contains("cross-replica"));
        Assert.Contains(latency, r => r.GetProperty("target").GetString()!.StartsWith("SignalR"));
        Assert.All(latency, r =>
        {
            Assert.Equal(0, r.GetProperty("lost").GetInt64());
            Assert.Equal(0, r.GetProperty("duplicates").GetInt64());
        });
        Assert.Equal(2, report.GetProperty("backplaneRatios").GetArrayLength());
        Assert.Equal(2, report.GetProperty("signalRRatios").GetArrayLength());
        Assert.Equal(1, report.GetProperty("signalRLatencyRatios").GetArrayLength());
    }

    // The smoke's sizes (2 and 8 users) on the in-memory service, SignalR and the backplane:
    // every accepted message at its recipient, once, in order, and nowhere else.
    private static void AssertDirectMessagesExact(JsonElement report)
    {
        AssertExactRows(report, "directMessages", servers: 3, sizes: 2, "lost", "outOfOrder", "duplicates", "misdelivered");
        Assert.All(report.GetProperty("directMessages").EnumerateArray(), r => Assert.Equal(r.GetProperty("accepted").GetInt64(), r.GetProperty("delivered").GetInt64()));
        Assert.Equal(2, report.GetProperty("directBackplaneRatios").GetArrayLength());
        Assert.Equal(2, report.GetProperty("directSignalRRatios").GetArrayLength());
    }

    // A median row per server and size (SignalR's and the backplane's among them), each with
    // messages accepted and none of these faults.
    private static void AssertExactRows(JsonElement report, string scenario, int servers, int sizes, params string[] faults)
    {
        var rows = report.GetProperty(scenario).EnumerateArray().ToList();
        Assert.Equal(servers * sizes, rows.Count);
        Assert.Equal(sizes, rows.Count(r => r.GetProperty("target").GetString()!.Contains("replicas + Redis")));
        Assert.Equal(sizes, rows.Count(r => r.GetProperty("target").GetString()!.StartsWith("SignalR")));
        Assert.All(rows, r =>
        {
            Assert.True(r.GetProperty("accepted").GetInt64() > 0);
            Assert.All(faults, fault => Assert.Equal(0, r.GetProperty(fault).GetInt64()));
        });
    }

    // CPU at rest: every server with no listener, and the single servers with the capacity runs'
    // listeners open (the ceiling and the chat service at the large size too); the targets each
    // with a verdict.
    private static void AssertAtRestAndTargets(JsonElement report)
    {
        var idle = report.GetProperty("idle").EnumerateArray().ToList();
        Assert.Equal(4, idle.Count(r => r.GetProperty("listeners").GetInt32() == 0));
        Assert.Equal(5, idle.Count(r => r.GetProperty("listeners").GetInt32() > 0));
        Assert.All(idle, r => Assert.True(r.GetProperty("serverCpuMillisecondsPerSecond").GetDouble() >= 0));
        var capacity = report.GetProperty("capacity").EnumerateArray().ToList();
        Assert.Equal(2, capacity.Count(r => r.GetProperty("requested").GetInt32() == 100));
        var targets = report.GetProperty("targets").EnumerateArray().ToList();
        Assert.Contains(targets, t => t.GetProperty("target").GetString()!.StartsWith("backplane server CPU per message"));
        Assert.Contains(targets, t => t.GetProperty("target").GetString()!.StartsWith("idle CPU of the chat service"));
        Assert.Contains(targets, t => t.GetProperty("target").GetString()!.StartsWith("memory per idle listener"));
        Assert.All(targets, t => Assert.Contains(t.GetProperty("verdict").GetString(), new[] { "met", "missed", "not run" }));
    }

    // Exit code 0, and the result row says so too: every accepted message reached every
    // listener, once and in order.
    private static void AssertEveryMessageDelivered(ProjectProcess bench, int exitCode, int listeners)
    {
        var output = string.Join(Environment.NewLine, bench.Lines);
        Assert.True(exitCode == 0, $"fanout exited with {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains(bench.Lines, line => line.Contains("AspireChat (workshop calls)"));
        var accepted = PrintedFigure(bench.Lines, "Accepted");
        Assert.True(accepted > 0, output);
        Assert.True(PrintedFigure(bench.Lines, "Deliveries") == accepted * listeners, output);
        Assert.True(PrintedFigure(bench.Lines, "Lost") == 0, output);
        Assert.True(PrintedFigure(bench.Lines, "Duplicates") == 0, output);
        Assert.True(PrintedFigure(bench.Lines, "OutOfOrder") == 0, output);
    }

    // A figure of the fan-out's one result row, as the bench prints it: a header line of column
    // names, then the row, each cell right-aligned under the end of its name.
    private static long PrintedFigure(IReadOnlyList<string> lines, string column)
    {
        var headerIndex = lines.ToList().FindIndex(line => Regex.IsMatch(line, @"\bTarget\b.*\bLost\b"));
        Assert.True(headerIndex >= 0 && headerIndex + 1 < lines.Count, $"no result table in:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        var (header, row) = (lines[headerIndex], lines[headerIndex + 1]);
        var end = Regex.Match(header, $@"(?<=^|\s){column}(?=\s|$)") is { Success: true } name ? name.Index + name.Length : throw new InvalidOperationException($"no column {column} in '{header}'");
        var start = row.LastIndexOf(' ', end - 1) + 1;
        return long.Parse(row[start..end], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    // A server of the workshop's calls that answers every message as sent and delivers only
    // every other one.
    private sealed class LossyWorkshopService : Chat.ChatBase
    {
        private readonly ConcurrentDictionary<Channel<Message>, bool> _listeners = new();
        private long _received;

        public override Task<MessageResponse> AddUser(User request, ServerCallContext context) =>
            Task.FromResult(new MessageResponse { Code = MessageResponse.Types.Code.Added });

        public override async Task Listen(ListenRequest request, IServerStreamWriter<Message> responseStream, ServerCallContext context)
        {
            var channel = Channel.CreateUnbounded<Message>();
            _listeners[channel] = true;
            try
            {
                await context.WriteResponseHeadersAsync([]);
                await foreach (var message in channel.Reader.ReadAllAsync(context.CancellationToken))
                {
                    await responseStream.WriteAsync(message, context.CancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // The bench closed the stream.
            }
            finally
            {
                _listeners.TryRemove(channel, out _);
            }
        }

        public override Task<MessageResponse> SendMessage(Message request, ServerCallContext context)
        {
            if (Interlocked.Increment(ref _received) % 2 == 0)
            {
                foreach (var listener in _listeners.Keys)
                {
                    listener.Writer.TryWrite(request);
                }
            }
            return Task.FromResult(new MessageResponse { Code = MessageResponse.Types.Code.Sent });
        }
    }
}
