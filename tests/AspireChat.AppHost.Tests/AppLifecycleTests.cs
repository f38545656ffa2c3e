using AspireChat.Testing;

namespace AspireChat.AppHost.Tests;

// An app of its own, to end it: disposing it stops every process Aspire started, DCP included.
// In the ChatApp collection, so that no other app starts or stops while it counts processes.
[Collection(ChatAppCollection.Name)]
public sealed class AppLifecycleTests
{
    [Fact]
    public async Task DisposedApp_LeavesNoProcessBehind_OrchestratorIncluded()
    {
        var before = OrchestratorProcesses.Running();
        var app = await ChatAppFixture.BuildAsync(withDashboard: false);
        IReadOnlySet<int> started;
        try
        {
            await app.StartAsync().StartupTimeout();
            await ChatAppFixture.WaitUntilHealthyAsync(app);
            started = OrchestratorProcesses.StartedSince(before);
        }
        finally
        {
            await app.DisposeAsync().AsTask().StartupTimeout();
        }

        // DCP's servers and monitors, the resources' `dotnet run` and the resources themselves.
        Assert.Contains(started, id => OrchestratorProcesses.CommandLineOf(id).Contains("dcp"));
        Assert.True(started.Count >= 2 + 3 * 2, $"expected DCP and three resources, found {started.Count} processes");
        await ProcessState.WaitUntilGoneAsync(started);
    }
}
