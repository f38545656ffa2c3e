using Aspire.Hosting.Testing;
using AspireChat.Conventions;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.AppHost.Tests.Operations;

// Who the admin API answers under the AppHost: a caller with the admin key on chat's admin
// endpoint, and nobody else, whatever they send.
[Collection(ChatAppCollection.Name)]
public sealed class AdminApiAccessTests(ChatAppFixture fixture)
{
    private const string KeyRequired = "A valid admin key (chat-admin-key) is required.";

    private Uri AdminEndpoint => fixture.App.GetEndpoint("chat", "admin");

    [Fact]
    public async Task WithTheKey_OnTheAdminEndpoint_ItAnswers()
    {
        using var channel = GrpcChannel.ForAddress(AdminEndpoint);

        var online = await new ChatAdmin.ChatAdminClient(channel).ListOnlineAsync(new ListOnlineRequest(), await KeyAsync()).ResponseAsync.DefaultTimeout();

        Assert.NotNull(online);
    }

    [Fact]
    public async Task WithoutAKey_ItRefuses_Unauthenticated()
    {
        using var channel = GrpcChannel.ForAddress(AdminEndpoint);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new ChatAdmin.ChatAdminClient(channel).ListOnlineAsync(new ListOnlineRequest()).ResponseAsync.DefaultTimeout());

        Assert.Equal((StatusCode.Unauthenticated, KeyRequired), (refused.StatusCode, refused.Status.Detail));
    }

    [Fact]
    public async Task WithAWrongKey_ItRefuses_Unauthenticated_AndAnnouncesNothing()
    {
        await using var listener = await RoomListener.JoinAsync(fixture.ChatEndpoint, "watcher");
        using var channel = GrpcChannel.ForAddress(AdminEndpoint);
        var wrongKey = new Metadata { { ChatMetadata.AdminKeyHeader, new string('x', (await fixture.ParameterValueAsync("admin-key")).Length) } };

        var refused = await Assert.ThrowsAsync<RpcException>(() => new ChatAdmin.ChatAdminClient(channel).AnnounceAsync(new AnnounceRequest { Text = "Free prizes!" }, wrongKey).ResponseAsync.DefaultTimeout());
        await listener.SendAsync("after the forged announcement");
        await listener.WaitForAsync(m => m.Msg == "after the forged announcement", "the listener's own message");

        Assert.Equal((StatusCode.Unauthenticated, KeyRequired), (refused.StatusCode, refused.Status.Detail));
        Assert.DoesNotContain(listener.Received, m => m.Msg == "Free prizes!");
    }

    [Fact]
    public async Task OnTheChatPort_ItRefusesEvenTheRightKey_PermissionDenied()
    {
        using var channel = GrpcChannel.ForAddress(fixture.ChatEndpoint);
        var rightKey = await KeyAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => new ChatAdmin.ChatAdminClient(channel).ListOnlineAsync(new ListOnlineRequest(), rightKey).ResponseAsync.DefaultTimeout());

        Assert.Equal((StatusCode.PermissionDenied, "The admin API is not served on the chat port."), (refused.StatusCode, refused.Status.Detail));
    }

    [Fact]
    public async Task TheChatService_IsNotServedOnTheAdminEndpoint()
    {
        await using var client = new ChatTestClient(GrpcChannel.ForAddress(AdminEndpoint));

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.AddUserAsync(UniqueName.For("sneaky")));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private async Task<Metadata> KeyAsync() => new() { { ChatMetadata.AdminKeyHeader, await fixture.ParameterValueAsync("admin-key") } };
}
