using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// DM-or-broadcast is decided on the normalised text. A direct message with an
// invisible or blank lead-in, or written with a full-width or small '@', is still a direct
// message, so a typo never leaks a private message to the room.
public sealed class DirectMessageTypoTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    public static TheoryData<string, string> Prefixes => new()
    {
        { "space", " @" },
        { "no-break space", "\u00a0@" },
        { "ideographic space", "\u3000@" },
        { "zero-width space", "\u200b@" },
        { "byte order mark", "\ufeff@" },
        { "word joiner", "\u2060@" },
        { "full-width at", "\uff20" },
        { "small at", "\ufe6b" },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task DirectMessage_WithATypoBeforeTheName_ReachesOnlyItsRecipient(string why, string prefix)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var carol = await ChatTestClient.RegisterAsync(server, UniqueName.For("carol"));
        await using var bobListens = await bob.ListenAsync();
        await using var carolListens = await carol.ListenAsync();

        var response = await alice.SendAsync($"{prefix}{bob.Username} the secret is 42");
        await alice.SendAsync("marker");

        Assert.True(response.Code == Code.Sent, $"{why}: {response.Code} {response.Msg}");
        Assert.Equal(bob.Username, (await bobListens.NextAsync()).Recipient?.Username);
        Assert.Empty(await carolListens.ReadUntilAsync("marker"));
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task DirectMessage_WithATypoBeforeAnUnknownName_IsDeliveredToNobody(string why, string prefix)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var carol = await ChatTestClient.RegisterAsync(server, UniqueName.For("carol"));
        await using var carolListens = await carol.ListenAsync();

        var response = await alice.SendAsync($"{prefix}nobody-by-that-name the secret is 42");
        await alice.SendAsync("marker");

        Assert.True(response.Code == Code.UnknownRecipient, $"{why}: {response.Code} {response.Msg}");
        Assert.Empty(await carolListens.ReadUntilAsync("marker"));
    }

    [Theory]
    [InlineData("\u3000")]
    [InlineData("\u00a0")]
    [InlineData("\u2003")]
    public async Task DirectMessage_SeparatedByAnyUnicodeWhitespace_IsDirect(string separator)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username}{separator}ping");

        Assert.Equal(Code.Sent, response.Code);
        Assert.Equal(bob.Username, (await bobListens.NextAsync()).Recipient?.Username);
    }

    [Theory]
    [InlineData("\u200b")]
    [InlineData("\u3164")]
    [InlineData("\u2800")]
    public async Task DirectMessage_WhoseNameRunsIntoTheTextThroughABlank_IsDeliveredToNobody(string blank)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var carol = await ChatTestClient.RegisterAsync(server, UniqueName.For("carol"));
        await using var carolListens = await carol.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username}{blank}secret");
        await alice.SendAsync("marker");

        Assert.Equal(Code.UnknownRecipient, response.Code);
        Assert.Empty(await carolListens.ReadUntilAsync("marker"));
    }
}
