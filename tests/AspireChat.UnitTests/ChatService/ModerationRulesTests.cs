using AspireChat.ChatService.Room;

namespace AspireChat.UnitTests.ChatService;

public sealed class ModerationRulesTests
{
    [Theory]
    [InlineData("spam")]
    [InlineData("posting links to phishing sites, three times")]
    [InlineData("élodie's flood — again")]
    [InlineData("emoji 😀 are text")]
    public void CheckReason_OneLineOfVisibleText_IsAccepted(string reason) => Assert.Null(ModerationRules.CheckReason(reason));

    [Fact]
    public void CheckReason_ExactlyTheLimit_IsAccepted_CountedInCharactersNotUnits()
    {
        Assert.Null(ModerationRules.CheckReason(new string('x', ModerationRules.MaxReasonLength)));
        Assert.Null(ModerationRules.CheckReason(string.Concat(Enumerable.Repeat("😀", ModerationRules.MaxReasonLength))));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData(" \t ", "required")]
    [InlineData("two\nlines", "U+000A")]
    [InlineData("carriage\rreturn", "U+000D")]
    [InlineData("tab\tbed", "U+0009")]
    [InlineData("\u001b[2Jclear", "U+001B")]
    [InlineData("c1\u009bcsi", "U+009B")]
    [InlineData("right-to-left \u202eoverride", "U+202E")]
    [InlineData("isolate \u2066x", "U+2066")]
    [InlineData("zero\u200bwidth", "U+200B")]
    [InlineData("line\u2028separator", "U+2028")]
    [InlineData("lone \ud800 surrogate", "U+FFFD")]
    public void CheckReason_HiddenOrMissingText_IsRefused(string? reason, string why) =>
        Assert.Contains(why, ModerationRules.CheckReason(reason));

    [Fact]
    public void CheckReason_OverTheLimit_SaysHowLong()
    {
        Assert.Equal("A reason has at most 200 characters; this one has 201.", ModerationRules.CheckReason(new string('x', 201)));
        Assert.Equal("A reason has at most 200 characters; this one has more than 400.", ModerationRules.CheckReason(new string('x', 1_000_000)));
    }

    [Fact]
    public void CheckPeriod_Unset_IsTheDefaultOfTenMinutes()
    {
        Assert.Null(ModerationRules.CheckPeriod("hold_for", null, out var period));
        Assert.Equal(TimeSpan.FromMinutes(10), period);
    }

    [Theory]
    [InlineData(0, "hold_for must be longer than zero.")]
    [InlineData(-1, "hold_for must be longer than zero.")]
    [InlineData(86_401, "hold_for is at most a day.")]
    public void CheckPeriod_OutOfRange_IsRefused(int seconds, string why) =>
        Assert.Equal(why, ModerationRules.CheckPeriod("hold_for", TimeSpan.FromSeconds(seconds), out _));

    [Fact]
    public void CheckPeriod_ADayOrLess_IsAccepted()
    {
        Assert.Null(ModerationRules.CheckPeriod("duration", TimeSpan.FromDays(1), out _));
        Assert.Null(ModerationRules.CheckPeriod("duration", TimeSpan.FromTicks(1), out _));
    }
}
