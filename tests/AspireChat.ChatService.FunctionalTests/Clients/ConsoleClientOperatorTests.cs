using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The console client as a process, stdin redirected, in a room whose operator announces, mutes
// and disconnects (a scripted server of the contract).
public sealed class ConsoleClientOperatorTests
{
    [Fact]
    public async Task Announcement_Mute_AndDisconnect_AreShown_AndTheDisconnectEndsTheClient()
    {
        var service = new OperatorChatService();
        await using var server = await GrpcTestServer.StartAsync(service);
        await using var console = ConsoleClientProcess.Start(server.Address, "mallory");

        await console.WaitForLineAsync($"* room: {OperatorChatService.Announcement}");
        await console.WriteLineAsync("hello?");
        await console.WaitForLineAsync($"! {OperatorChatService.MutedReason}");
        service.Disconnect();

        Assert.NotEqual(0, await console.WaitForExitAsync());
        Assert.Single(console.Lines, line => line.Contains(OperatorChatService.Reason("mallory"), StringComparison.Ordinal));
        Assert.Contains($"! {OperatorChatService.Reason("mallory")}", console.Lines);
        Assert.DoesNotContain(console.Lines, line => line.Contains("reconnect", StringComparison.OrdinalIgnoreCase));
        Assert.Equal((1, 1), (service.Listens, service.AddUsers));
    }
}
