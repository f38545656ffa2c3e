using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests.Admin;

// The room's announcements come from "room": no user can take it, or a name that looks like it.
public sealed class ReservedNameTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Theory]
    [InlineData("room")]
    [InlineData("Room")]
    [InlineData("ROOM")]
    [InlineData("r00m")]
    [InlineData("ｒｏｏｍ")]
    public async Task AddUser_TheAnnouncersName_IsInvalidUsername(string name)
    {
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(name);

        Assert.Equal(Code.InvalidUsername, response.Code);
        Assert.Equal("The name room is reserved for the room's announcements; choose another.", response.Msg);
    }

    [Theory]
    [InlineData("rooms")]
    [InlineData("broom")]
    public async Task AddUser_ANameThatOnlyContainsIt_IsAdded(string name)
    {
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(UniqueName.For(name));

        Assert.Equal(Code.Added, response.Code);
    }
}
