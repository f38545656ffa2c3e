using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// Registration over real gRPC against the real service: names, sessions and the workshop's answers.
public sealed class AddUserTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task AddUser_NameTaken_ReturnsTaken_CaseInsensitively()
    {
        var name = UniqueName.For("dave");
        await using var first = await ChatTestClient.RegisterAsync(server, name);
        await using var second = new ChatTestClient(server.CreateChannel());

        var same = await second.AddUserAsync(name);
        var otherCase = await second.AddUserAsync(name.ToUpperInvariant());

        Assert.Equal(Code.Taken, same.Code);
        Assert.Equal(Code.Taken, otherCase.Code);
        Assert.Contains("taken", same.Msg);
        Assert.Empty(same.SessionToken);
    }

    [Fact]
    public async Task AddUser_Added_AnswersAsTheWorkshopDoes_WithASessionToken()
    {
        var name = UniqueName.For("erin");
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(name);

        Assert.Equal(Code.Added, response.Code);
        Assert.Equal($"User {name} created.", response.Msg);
        // Opaque to clients: signed, naming its user, with 128 random bits (docs/security.md).
        Assert.True(response.SessionToken.Length >= 32);
        Assert.Equal(name, response.Username);
    }

    [Fact]
    public async Task AddUser_SameCallerAgain_KeepsItsSession()
    {
        await using var client = await ChatTestClient.RegisterAsync(server, UniqueName.For("frank"));
        var token = client.SessionToken;

        var again = await client.AddUserAsync(client.Username!);

        Assert.Equal(Code.Added, again.Code);
        Assert.Equal(token, again.SessionToken);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("al ice", "whitespace")]
    [InlineData("alice\t", "whitespace")]
    [InlineData("bob@home", "'@'")]
    [InlineData("bell\u0007", "control")]
    [InlineData("semi;colon", "letters, digits")]
    [InlineData("emoji\U0001F600", "letters, digits")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "at most 32")]
    public async Task AddUser_InvalidName_ReturnsInvalidUsername_WithAHelpfulMessage(string username, string explanation)
    {
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(username);

        Assert.Equal(Code.InvalidUsername, response.Code);
        Assert.Contains(explanation, response.Msg);
        Assert.Empty(response.SessionToken);
    }
}
