using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;

namespace AspireChat.UnitTests.ChatService;

public sealed class ModerationTextsTests
{
    // Not UTC on purpose: users read the time in UTC.
    private static readonly DateTimeOffset s_until = new(2026, 5, 6, 9, 8, 7, TimeSpan.FromHours(2));

    [Fact]
    public void DisconnectNotice_SaysWhyAndUntilWhenInUtc() =>
        Assert.Equal("You were disconnected by the room's operator: spamming. The name bob is held until 07:08:07 UTC.", ModerationTexts.DisconnectNotice("bob", "spamming", s_until));

    [Fact]
    public void HeldName_SaysUntilWhen() =>
        Assert.Equal("The username bob is held by the room's operator until 07:08:07 UTC; choose another.", ModerationTexts.HeldName("bob", s_until));

    [Fact]
    public void Muted_SaysUntilWhenAndWhy() =>
        Assert.Equal("You are muted by the room's operator until 07:08:07 UTC: flooding.", ModerationTexts.Muted(new Mute(s_until, "flooding")));

    [Fact]
    public void NotOnline_NamesTheUser() =>
        Assert.Equal("No user named bob is online.", ModerationTexts.NotOnline("bob"));
}
