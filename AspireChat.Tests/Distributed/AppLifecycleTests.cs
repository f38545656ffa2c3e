using System.Diagnostics;
using System.Text.RegularExpressions;
using AspireChat.Hosting.Orchestration;
using AspireChat.Tests.Infrastructure;

namespace AspireChat.Tests.Distributed;

// The supervisor's promises, each on an app of its own: order of start, restart after a crash,
// and no process left behind however the app ends.
public sealed partial class AppLifecycleTests
{
    [Fact]
    public async Task KilledChatService_IsRestarted_AndTheBotsTalkAgain_AndDisposeLeavesNoProcess()
    {
        var app = await ChatAppFixture.BuildAsync();
        var history = new SynchronizedCollection<ResourceSnapshot>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            await foreach (var snapshot in app.ResourceNotifications.WatchAsync(watching.Token))
            {
                history.Add(snapshot);
            }
        });
        var processIds = new HashSet<int>();
        try
        {
            await app.StartAsync().StartupTimeout();
            await ChatAppFixture.WaitUntilHealthyAsync(app);

            // WaitFor: neither bot started before chat was healthy.
            await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(history.Snapshot().Count(s => s.ResourceName != "chat" && s.IsHealthy) == 2), "the watcher saw both bots healthy");
            var events = history.Snapshot();
            var chatHealthy = events.FindIndex(s => s.ResourceName == "chat" && s.IsHealthy);
            Assert.True(chatHealthy >= 0);
            Assert.DoesNotContain(events.Take(chatHealthy), s => s.ResourceName != "chat" && s.State == ResourceState.Starting);

            var before = app.ResourceNotifications.GetSnapshots("chat").Single();
            processIds.UnionWith(app.ResourceNotifications.GetSnapshots().Select(s => s.ProcessId!.Value));
            using (var chat = Process.GetProcessById(before.ProcessId!.Value))
            {
                chat.Kill();
            }

            var after = (await app.ResourceNotifications.WaitForResourceAsync("chat", s => s.Restarts == 1 && s.IsHealthy).StartupTimeout()).Single();
            processIds.Add(after.ProcessId!.Value);
            Assert.NotEqual(before.ProcessId, after.ProcessId);
            Assert.Contains(history.Snapshot(), s => s.ResourceName == "chat" && s.State == ResourceState.Exited && s.ExitCode == 137);

            await using var listener = await RoomListener.JoinAsync(app.GetEndpoint("chat", "grpc"), "returning");
            await listener.WaitForBroadcastAsync("alice");
            await listener.WaitForBroadcastAsync("bob");
        }
        finally
        {
            await app.DisposeAsync();
            await watching.CancelAsync();
            await watcher.ContinueWith(_ => { }, TaskScheduler.Default).DefaultTimeout();
        }

        Assert.All(processIds, id => Assert.True(ProcessState.IsGone(id), $"process {id} outlived the app"));
        Assert.All(app.ResourceNotifications.GetSnapshots(), s => Assert.Equal(ResourceState.Exited, s.State));
    }

    [Fact]
    public async Task AppHost_StoppedWithSigterm_StopsTheBotsThenTheService_AndExits()
    {
        await using var appHost = StartAppHost();
        var resources = await WaitUntilUpAsync(appHost);

        await appHost.TerminateAsync();

        Assert.Equal(0, await appHost.WaitForExitAsync());
        Assert.All(resources.Values, id => Assert.True(ProcessState.IsGone(id), $"process {id} outlived the AppHost"));
        var stopped = appHost.Lines.Select(line => line.Trim()).Where(line => line.StartsWith("Stopped ", StringComparison.Ordinal)).ToList();
        // The bots, then the chat service they talk to, then the dashboard that watched them all.
        Assert.Equal(["alice", "bob"], stopped.Take(2).Select(line => line["Stopped ".Length..]).Order());
        Assert.Equal(["Stopped chat", "Stopped dashboard"], stopped.Skip(2));
    }

    [Fact]
    public async Task AppHost_KilledWithSigkill_LeavesNoResourceBehind()
    {
        await using var appHost = StartAppHost();
        var resources = await WaitUntilUpAsync(appHost);

        appHost.Kill();

        await ProcessState.WaitUntilGoneAsync(resources.Values);
    }

    // The AppHost as a user runs it, on free ports so that it runs beside a developer's AppHost.
    private static ProjectProcess StartAppHost() =>
        ProjectProcess.Start("AspireChat.AppHost", ["--AppHost:RandomizePorts=true"]);

    // Waits for "All resources are up" and returns the process id of each resource (the dashboard
    // among them), as the AppHost printed them.
    private static async Task<Dictionary<string, int>> WaitUntilUpAsync(ProjectProcess appHost)
    {
        await appHost.WaitForLineAsync(line => line.Contains("All resources are up"), "all resources up", TimeoutExtensions.StartupTimeoutSpan);
        // A resource that restarted early printed a line per start: the last one counts.
        var started = appHost.Lines.Select(line => StartedLine().Match(line)).Where(m => m.Success)
            .GroupBy(m => m.Groups["resource"].Value)
            .ToDictionary(g => g.Key, g => int.Parse(g.Last().Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["alice", "bob", "chat", "dashboard"], started.Keys.Order());
        return started;
    }

    [GeneratedRegex(@"^\s*(?<resource>\w+) started as process (?<pid>\d+)")]
    private static partial Regex StartedLine();
}
