using AspireChat.Conventions;

namespace AspireChat.UnitTests.Rules;

// The room's announcements come from Usernames.Announcer: no user may take it, or its look.
public sealed class ReservedUsernameTests
{
    [Theory]
    [InlineData("room")]
    [InlineData("ROOM")]
    [InlineData("RoOm")]
    [InlineData("r00m")]
    [InlineData("ｒｏｏｍ")]
    public void TryNormalize_TheAnnouncersNameOrItsLook_IsReserved(string name)
    {
        Assert.False(Usernames.TryNormalize(name, out _, out var error));
        Assert.Equal("The name room is reserved for the room's announcements; choose another.", error);
    }

    [Theory]
    [InlineData("rooms")]
    [InlineData("broom")]
    [InlineData("room_2")]
    public void TryNormalize_ANameWithTheWordInIt_IsAccepted(string name) =>
        Assert.True(Usernames.TryNormalize(name, out _, out _));
}
