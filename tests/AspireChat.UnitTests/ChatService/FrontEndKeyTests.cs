using AspireChat.ChatService.Network;

namespace AspireChat.UnitTests.ChatService;

public sealed class FrontEndKeyTests
{
    private const string Key = "the-front-end-key-0123456789abcdef";

    [Fact]
    public void Matches_TheSameKey_IsTrue() => Assert.True(new SharedKey(Key).Matches(new string(Key)));

    [Theory]
    [InlineData("the-front-end-key-0123456789abcdeF")]
    [InlineData("the-front-end-key-0123456789abcde")]
    [InlineData("the-front-end-key-0123456789abcdef ")]
    [InlineData("the-front-end-key-0123456789abcdef0")]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_AnyOtherValue_IsFalse(string? presented) => Assert.False(new SharedKey(Key).Matches(presented));

    [Fact]
    public void Matches_ComparesTheWholeKey_NotAPrefix()
    {
        var key = new SharedKey(new string('k', 64));

        Assert.False(key.Matches(new string('k', 32)));
        Assert.True(key.Matches(new string('k', 64)));
    }
}
