using AspireChat.AppHost.Tests.Browser;
using AspireChat.Protocol;
using AspireChat.Testing;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Web;

// The page under the scale-out run, as it is: the web app's one connection to chat lands on one
// replica, and the room is the same on all three.
[Collection(ScaleOutAppCollection.Name)]
public sealed class WebScaleOutTests(ScaleOutAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PageOnWeb_HearsTheBots_AndChatsBothWaysWithAClientOnEveryReplica()
    {
        var me = UniqueName.For("scaled");
        await using var page = await ChatPage.JoinedAsync(browser, fixture.WebUrl, me);
        // A client on each replica, past the proxy: one of them is on the web app's for sure.
        await using var opened = new AsyncDisposableList();
        var listeners = new List<RoomListener>();
        foreach (var replica in fixture.ChatReplicas)
        {
            listeners.Add(opened.Add(await RoomListener.JoinAsync(fixture.GrpcEndpointOf(replica), "on-replica")));
        }

        await page.NextLineFromAsync("alice");
        foreach (var listener in listeners)
        {
            await page.SendAsync($"@{listener.Username} hello from the page");
            Assert.Equal(MessageResponse.Types.Code.Sent, (await listener.SendAsync($"hello page, from {listener.Username}")).Code);
        }

        foreach (var listener in listeners)
        {
            var direct = await listener.WaitForAsync(m => m.User?.Username == me && m.Recipient is not null, $"{me}'s direct message to {listener.Username}");
            Assert.Equal((listener.Username, $"@{listener.Username} hello from the page"), (direct.Recipient.Username, direct.Msg));
            await Expect(page.Line(listener.Username, $"hello page, from {listener.Username}")).ToHaveCountAsync(1);
        }
    }
}
