using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// Direct messages over real gRPC against the real service: one recipient, or nobody.
public sealed class DirectMessageDeliveryTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task DirectMessage_ReachesOnlyItsRecipient()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var carol = await ChatTestClient.RegisterAsync(server, UniqueName.For("carol"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();
        await using var carolListens = await carol.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username} the secret is 42");
        await alice.SendAsync("marker");

        Assert.Equal(Code.Sent, response.Code);
        var direct = await bobListens.NextAsync();
        Assert.Equal($"@{bob.Username} the secret is 42", direct.Msg);
        Assert.Equal(alice.Username, direct.User.Username);
        Assert.Equal(bob.Username, direct.Recipient.Username);
        Assert.Equal("marker", (await bobListens.NextAsync()).Msg);
        Assert.Empty(await carolListens.ReadUntilAsync("marker"));
        Assert.Empty(await aliceListens.ReadUntilAsync("marker"));
    }

    [Fact]
    public async Task DirectMessage_RecipientIsMatchedCaseInsensitively()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("Bob"));
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username!.ToLowerInvariant()} hello");

        Assert.Equal(Code.Sent, response.Code);
        Assert.Equal(bob.Username, (await bobListens.NextAsync()).Recipient.Username);
    }

    [Fact]
    public async Task DirectMessage_ToUnknownRecipient_IsDeliveredToNobody_AndSenderIsTold()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync("@nobody-here the secret is 42");
        await alice.SendAsync("marker");

        Assert.Equal(Code.UnknownRecipient, response.Code);
        Assert.Contains("nobody-here", response.Msg);
        Assert.Contains("not sent", response.Msg);
        Assert.Equal(0ul, response.Sequence);
        Assert.Empty(await bobListens.ReadUntilAsync("marker"));
        Assert.Empty(await aliceListens.ReadUntilAsync("marker"));
    }

    [Fact]
    public async Task DirectMessage_WithoutText_IsRefused()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        var response = await alice.SendAsync($"@{bob.Username}   ");

        Assert.Equal(Code.InvalidMessage, response.Code);
    }

    [Theory]
    [InlineData("\rcarol: forged line")]
    [InlineData(" hi\u001b[2J")]
    public async Task DirectMessage_WithControlCharacters_IsRefused(string rest)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        var response = await alice.SendAsync($"@{bob.Username}{rest}");

        Assert.Equal(Code.InvalidMessage, response.Code);
    }

    [Fact]
    public async Task DirectMessage_LongerThan4096CharactersInAll_IsRefused()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        var response = await alice.SendAsync($"@{bob.Username} {new string('x', 4096)}");

        Assert.Equal(Code.InvalidMessage, response.Code);
    }
}
