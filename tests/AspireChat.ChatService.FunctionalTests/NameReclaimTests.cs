using AspireChat.Testing;
using Grpc.Net.Client;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// After a restart, a name that was online is its owner's for the hold period: the owner's session
// token reclaims it, and nobody else can take it (so nobody receives the owner's direct messages).
public sealed class NameReclaimTests : IAsyncLifetime
{
    private readonly ChatServiceProcess _service = new();

    public Task InitializeAsync() => _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AfterARestart_TheOwnersTokenReclaimsTheName_AndNobodyElseCanTakeIt()
    {
        var name = UniqueName.For("alice");
        var token = await RegisterAsync(name);

        await _service.StopAsync(graceful: true);
        await _service.StartAsync();
        await using var impostor = new ChatTestClient(GrpcChannel.ForAddress(_service.GrpcAddress));
        var impostorTries = await impostor.AddUserAsync(name);
        await using var owner = new ChatTestClient(GrpcChannel.ForAddress(_service.GrpcAddress)) { SessionToken = token };
        var ownerReclaims = await owner.AddUserAsync(name);

        Assert.Equal(Code.Taken, impostorTries.Code);
        Assert.Contains("held for its owner", impostorTries.Msg);
        Assert.Equal(Code.Added, ownerReclaims.Code);
        Assert.Equal(Code.Sent, (await owner.SendAsync("back again")).Code);
    }

    [Fact]
    public async Task AfterARestart_AnotherNamesToken_OrAForgedOne_DoesNotReclaimTheName()
    {
        var name = UniqueName.For("alice");
        await RegisterAsync(name);
        var othersToken = await RegisterAsync(UniqueName.For("mallory"));

        await _service.StopAsync(graceful: true);
        await _service.StartAsync();
        await using var withOthersToken = new ChatTestClient(GrpcChannel.ForAddress(_service.GrpcAddress)) { SessionToken = othersToken };
        await using var withForgedToken = new ChatTestClient(GrpcChannel.ForAddress(_service.GrpcAddress)) { SessionToken = $"v1.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(name)).TrimEnd('=')}.AAAA.AAAA" };

        Assert.Equal(Code.Taken, (await withOthersToken.AddUserAsync(name)).Code);
        Assert.Equal(Code.Taken, (await withForgedToken.AddUserAsync(name)).Code);
    }

    [Fact]
    public async Task AfterARestart_ANameNobodyHeld_IsFree()
    {
        await RegisterAsync(UniqueName.For("alice"));

        await _service.StopAsync(graceful: true);
        await _service.StartAsync();
        await using var newcomer = new ChatTestClient(GrpcChannel.ForAddress(_service.GrpcAddress));

        Assert.Equal(Code.Added, (await newcomer.AddUserAsync(UniqueName.For("newcomer"))).Code);
    }

    private async Task<string> RegisterAsync(string name)
    {
        await using var client = new ChatTestClient(GrpcChannel.ForAddress(_service.GrpcAddress));
        Assert.Equal(Code.Added, (await client.AddUserAsync(name)).Code);
        return client.SessionToken!;
    }
}
