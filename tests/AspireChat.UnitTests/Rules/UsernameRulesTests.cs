using AspireChat.Conventions;

namespace AspireChat.UnitTests.Rules;

public sealed class UsernameRulesTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("Bob_1")]
    [InlineData("a.b-c")]
    [InlineData("élodie")]
    [InlineData("李雷")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void TryNormalize_ValidName_IsAccepted(string name)
    {
        Assert.True(Usernames.TryNormalize(name, out var normalized, out _));
        Assert.Equal(name, normalized);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData(" ", "whitespace")]
    [InlineData("a\u00a0b", "whitespace")]
    [InlineData("@bob", "'@'")]
    [InlineData("\u001b[31mred", "control")]
    [InlineData("a/b", "letters, digits")]
    [InlineData("\u0301accent", "letters, digits")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "at most 32")]
    public void TryNormalize_InvalidName_ExplainsWhy(string? name, string explanation)
    {
        Assert.False(Usernames.TryNormalize(name, out _, out var error));
        Assert.Contains(explanation, error);
    }

    [Fact]
    public void TryNormalize_CompatibilityForms_BecomeOneName()
    {
        Assert.True(Usernames.TryNormalize("ａｌｉｃｅ", out var fullWidth, out _));
        Assert.True(Usernames.TryNormalize("e\u0301lodie", out var decomposed, out _));

        Assert.Equal("alice", fullWidth);
        Assert.Equal("élodie", decomposed);
    }
}
