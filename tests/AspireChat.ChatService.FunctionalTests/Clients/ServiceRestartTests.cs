using AspireChat.Testing;
using Grpc.Net.Client;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The chat service as a process that goes away and comes back on the same port.
public sealed class ServiceRestartTests : IAsyncLifetime
{
    private readonly ChatServiceProcess _service = new();

    public Task InitializeAsync() => _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ConsoleClient_ReconnectsAfterARestart_KeepsChatting_AndShowsWhatItMissedOnce()
    {
        var aliceName = UniqueName.For("alice");
        await using var alice = ConsoleClientProcess.Start(_service.GrpcAddress, aliceName);
        await alice.WaitForLineAsync(line => line.StartsWith("* connected", StringComparison.Ordinal), "alice to connect");
        await OnlineUsers.WaitUntilListeningAsync(_service.GrpcAddress, aliceName);
        // Sequence numbers well past where the restarted service's will start.
        for (var i = 0; i < 5; i++)
        {
            await alice.WriteLineAsync($"before the restart {i}");
        }
        await alice.WaitForLineAsync($"{aliceName}: before the restart 4");

        await _service.StopAsync();
        await alice.WaitForLineAsync("* Connection lost, reconnecting…");
        await _service.StartAsync();
        using var channel = GrpcChannel.ForAddress(_service.GrpcAddress);
        await using var bob = new ChatTestClient(channel);
        await bob.AddUserAsync(UniqueName.For("bob"));
        // Sent while alice may still be away: she gets it live or on resume, never twice.
        await bob.SendAsync("sent while you were away");
        await OnlineUsers.WaitUntilListeningAsync(_service.GrpcAddress, aliceName);
        await using var bobListens = await bob.ListenAsync();

        await alice.WriteLineAsync("back again");
        var back = await bobListens.NextAsync();
        await bob.SendAsync("welcome back");
        await alice.WaitForLineAsync($"{bob.Username}: welcome back");

        Assert.Equal($"{aliceName}: back again", $"{back.User.Username}: {back.Msg}");
        Assert.Single(alice.Lines, line => line == $"{bob.Username}: sent while you were away");
        // One status line each way, in words for a person.
        Assert.Single(alice.Lines, line => line.StartsWith("* Connection lost", StringComparison.Ordinal));
        Assert.Single(alice.Lines, line => line == "* Reconnected.");
        Assert.DoesNotContain(alice.Lines, line => line.Contains("subchannel", StringComparison.OrdinalIgnoreCase)
            || line.Contains("resume_after", StringComparison.Ordinal)
            || line.Contains("StatusCode", StringComparison.Ordinal)
            || line.Contains("Unavailable", StringComparison.Ordinal));
    }

    // Messages sent while the listener was away, then a restart (killed, or stopped as a service
    // manager stops it): they are gone with the service's history, and the listener is told so.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConsoleClient_AwayWhileMessagesWereSent_ThenTheServiceRestarted_SaysMessagesMayBeMissing(bool graceful)
    {
        await using var proxy = new FreezingTcpProxy(_service.GrpcAddress);
        var listenerName = UniqueName.For("listener");
        await using var listener = ConsoleClientProcess.Start(proxy.Address, listenerName, new Dictionary<string, string>
        {
            // A silent connection is noticed within seconds, and the service back within one.
            ["ChatClient__KeepAlivePingDelay"] = "00:00:01",
            ["ChatClient__KeepAlivePingTimeout"] = "00:00:01",
            ["ChatClient__ReconnectMaxDelay"] = "00:00:01",
        });
        await listener.WaitForLineAsync(line => line.StartsWith("* connected", StringComparison.Ordinal), "the listener to connect");
        await OnlineUsers.WaitUntilListeningAsync(_service.GrpcAddress, listenerName);
        using var channel = GrpcChannel.ForAddress(_service.GrpcAddress);
        await using var alice = new ChatTestClient(channel);
        await alice.AddUserAsync(UniqueName.For("alice"));
        await alice.SendAsync("seen");
        await listener.WaitForLineAsync($"{alice.Username}: seen");

        proxy.Freeze();
        await listener.WaitForLineAsync("* Connection lost, reconnecting…");
        for (var i = 4; i <= 8; i++)
        {
            Assert.Equal(Code.Sent, (await alice.SendAsync($"sent while you were away {i}")).Code);
        }
        await _service.StopAsync(graceful);
        await _service.StartAsync();
        proxy.Thaw();

        await listener.WaitForLineAsync("* The chat service restarted; messages sent while you were disconnected may be missing.");
        Assert.Single(listener.Lines, line => line == "* Reconnected.");
        Assert.DoesNotContain(listener.Lines, line => line.Contains("sent while you were away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bot_KeepsTalkingAfterARestart()
    {
        var botName = UniqueName.For("steady");
        await using var bot = ProjectProcess.Start("AspireChat.BotClient", [], new Dictionary<string, string>
        {
            ["Bot__Name"] = botName,
            ["Bot__Script__0__Say"] = "still here",
            ["Bot__Script__0__Pause"] = "00:00:00.200",
            ["Bot__LoopPause"] = "00:00:00.100",
            ["ChatClient__Server"] = _service.GrpcAddress.ToString(),
            ["ChatClient__ReconnectMaxDelay"] = "00:00:01",
        });
        await OnlineUsers.WaitUntilListeningAsync(_service.GrpcAddress, botName);

        await _service.StopAsync();
        await _service.StartAsync();
        using var channel = GrpcChannel.ForAddress(_service.GrpcAddress);
        await using var tester = new ChatTestClient(channel);
        await tester.AddUserAsync(UniqueName.For("tester"));
        await using var listens = await tester.ListenAsync();

        var heard = await listens.NextAsync();
        while (heard.User.Username != botName)
        {
            heard = await listens.NextAsync();
        }
        Assert.Equal("still here", heard.Msg);
    }
}
