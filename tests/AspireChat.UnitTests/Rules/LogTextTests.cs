using AspireChat.ChatService.Diagnostics;

namespace AspireChat.UnitTests.Rules;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("élodie", "élodie")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("\u001b[31mred", "\\u001b[31mred")]
    [InlineData("a\u0085b", "a\\u0085b")]
    [InlineData("a\u2028b", "a\\u2028b")]
    [InlineData("evil\u202egnp.exe", "evil\\u202egnp.exe")]
    [InlineData("a\u2066b\u2069", "a\\u2066b\\u2069")]
    [InlineData("a\u200fb", "a\\u200fb")]
    [InlineData("back\\nslash", "back\\\\nslash")]
    public void Escape_MakesEveryInvisibleOrLineBreakingCharacterVisible(string raw, string logged)
    {
        Assert.Equal(logged, LogText.Escape(raw));
    }

    [Fact]
    public void Escape_LoneSurrogate_IsEscaped()
    {
        // Built here: an attribute cannot hold a lone surrogate.
        Assert.Equal("a\\ud800b", LogText.Escape($"a{(char)0xD800}b"));
    }

    [Fact]
    public void Escape_Null_IsEmpty()
    {
        Assert.Equal("", LogText.Escape(null));
    }
}
