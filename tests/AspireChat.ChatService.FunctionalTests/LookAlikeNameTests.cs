using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// A name that looks like another user's is not a new user. Invisible and
// mixed-script names are invalid, with a message that says why; a name confusable with one that
// is online (same UTS #39 skeleton) is taken.
public sealed class LookAlikeNameTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Theory]
    [InlineData("a\u034flice", "combining grapheme joiner")]
    [InlineData("alice\ufe0f", "variation selector")]
    [InlineData("alice\U000e0100", "variation selector supplement")]
    [InlineData("ali\u180bce", "Mongolian free variation selector")]
    [InlineData("alice\u3164", "Hangul filler")]
    [InlineData("\uffa0alice", "half-width Hangul filler")]
    [InlineData("al\u200bice", "zero-width space")]
    [InlineData("al\u200dice", "zero-width joiner")]
    [InlineData("alice\u2060", "word joiner")]
    public async Task AddUser_NameWithAnInvisibleCharacter_IsInvalid_AndSaysSo(string name, string why)
    {
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(UniqueName.For(name));

        Assert.True(response.Code == Code.InvalidUsername, $"{why}: {response.Code} {response.Msg}");
        Assert.Contains("invisible", response.Msg);
    }

    [Theory]
    [InlineData("\u0430lice", "Cyrillic")]
    [InlineData("p\u0430ypal", "Cyrillic")]
    [InlineData("\u03bfscar", "Greek")]
    public async Task AddUser_NameMixingScripts_IsInvalid_AndNamesThem(string name, string script)
    {
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(UniqueName.For(name));

        Assert.Equal(Code.InvalidUsername, response.Code);
        Assert.Contains("Latin", response.Msg);
        Assert.Contains(script, response.Msg);
    }

    [Theory]
    [InlineData("alice", "aIice")]
    [InlineData("alice", "al\u0131ce")]
    [InlineData("alice", "ALICE")]
    [InlineData("bob", "b0b")]
    [InlineData("mallory", "rnallory")]
    [InlineData("will", "wi11")]
    [InlineData("pop", "\u0440\u043e\u0440")]
    [InlineData("\u0440\u043e\u0440", "pop")]
    [InlineData("ecc", "\u0435\u0441\u0441")]
    [InlineData("alice", "\uff41\uff4c\uff49\uff43\uff45")]
    public async Task AddUser_NameConfusableWithOneOnline_IsTaken(string online, string lookAlike)
    {
        var suffix = UniqueName.For("");
        await using var holder = await ChatTestClient.RegisterAsync(server, online + suffix);
        await using var impostor = new ChatTestClient(server.CreateChannel());

        var response = await impostor.AddUserAsync(lookAlike + suffix);

        Assert.True(response.Code == Code.Taken, $"{lookAlike}{suffix} beside {online}{suffix}: {response.Code} {response.Msg}");
        Assert.Empty(response.SessionToken);
    }

    [Theory]
    [InlineData("\u674e\u96f7")]
    [InlineData("\u00e9lodie")]
    [InlineData("\u0395\u03bb\u03ad\u03bd\u03b7")]
    [InlineData("\u0418\u0432\u0430\u043d")]
    [InlineData("\u5c71\u7530\u305f\u308d\u3046")]
    [InlineData("Bob_1")]
    public async Task AddUser_NameInOneScript_IsAdded(string name)
    {
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(UniqueName.For(name));

        Assert.True(response.Code == Code.Added, $"{name}: {response.Code} {response.Msg}");
    }
}
