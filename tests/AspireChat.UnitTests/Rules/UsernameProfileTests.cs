using AspireChat.Conventions;

namespace AspireChat.UnitTests.Rules;

// The username profile of AspireChat.Conventions (PRECIS
// UsernameCaseMapped, UTS #39 restriction level and confusable skeletons).
public sealed class UsernameProfileTests
{
    [Theory]
    [InlineData("alice", "aIice")]
    [InlineData("alice", "AIice")]
    [InlineData("alice", "al\u0131ce")]
    [InlineData("alice", "\u0430\u04cf\u0456\u0441\u0435")]
    [InlineData("bob", "b0b")]
    [InlineData("bob", "BOB")]
    [InlineData("will", "wi11")]
    [InlineData("mallory", "rnallory")]
    [InlineData("pop", "\u0440\u043e\u0440")]
    [InlineData("ALICE", "ALlCE")]
    [InlineData("HOME", "\u041d\u041e\u041c\u0415")]
    [InlineData("kayo", "\u03ba\u03b1\u03b3\u03bf")]
    [InlineData("alice", "\uff41\uff4c\uff49\uff43\uff45")]
    public void Skeleton_OfLookAlikes_IsTheSame(string name, string lookAlike)
    {
        Assert.Equal(Usernames.Skeleton(name), Usernames.Skeleton(lookAlike));
    }

    [Theory]
    [InlineData("eve")]
    [InlineData("bob")]
    public void Skeleton_OfANameWithNoLookAlike_IsTheName(string name)
    {
        Assert.Equal(name, Usernames.Skeleton(name));
    }

    [Fact]
    public void Skeleton_OfALoneSurrogate_IsTheReplacementCharacter()
    {
        Assert.Equal(Usernames.Skeleton("eve\ufffd"), Usernames.Skeleton("eve\ud800"));
    }

    [Theory]
    [InlineData("alice", "alicia")]
    [InlineData("bob", "rob")]
    [InlineData("élodie", "elodie")]
    public void Skeleton_OfDifferentNames_Differs(string name, string other)
    {
        Assert.NotEqual(Usernames.Skeleton(name), Usernames.Skeleton(other));
    }

    [Theory]
    [InlineData("a\u034flice")]
    [InlineData("alice\ufe0f")]
    [InlineData("alice\U000e0100")]
    [InlineData("ali\u180bce")]
    [InlineData("ali\u180fce")]
    [InlineData("\u115falice")]
    [InlineData("alice\u3164")]
    [InlineData("\uffa0alice")]
    [InlineData("al\u200bice")]
    [InlineData("al\u00adice")]
    [InlineData("\ufeffalice")]
    [InlineData("alice\u202e")]
    public void InvisibleCharacter_IsInvalid_AndSaysSo(string name)
    {
        Assert.False(Usernames.TryNormalize(name, out _, out var error));
        Assert.Contains("invisible", error);
    }

    [Theory]
    [InlineData("\u0430lice", "Cyrillic and Latin")]
    [InlineData("\u03bfscar", "Greek and Latin")]
    [InlineData("alice\u0661", "Latin and Arabic")]
    public void MixedScripts_AreInvalid_AndNamed(string name, string scripts)
    {
        Assert.False(Usernames.TryNormalize(name, out _, out var error));
        Assert.Contains(scripts, error);
    }

    [Theory]
    [InlineData("\u0661\u0662\u0663-1")]
    public void MixedDigits_AreInvalid(string name)
    {
        Assert.False(Usernames.TryNormalize(name, out _, out var error));
        Assert.Contains("digits", error);
    }

    [Theory]
    [InlineData("\ufb01sh", "compatibility")]
    [InlineData("x\u00b2", "compatibility")]
    [InlineData("\ufe6bbob", "'@'")]
    public void OtherLookAlikeForms_AreInvalid(string name, string explanation)
    {
        Assert.False(Usernames.TryNormalize(name, out _, out var error));
        Assert.Contains(explanation, error);
    }

    [Theory]
    [InlineData("\u5c71\u7530\u305f\u308d\u3046")]
    [InlineData("Tokyo\u6771\u4eac")]
    [InlineData("\u0418\u0432\u0430\u043d_2")]
    [InlineData("\u0395\u03bb\u03ad\u03bd\u03b7")]
    [InlineData("\ud55c\uad6d\uc5b4")]
    public void OneScript_OrAnAllowedCombination_IsValid(string name)
    {
        Assert.True(Usernames.TryNormalize(name, out var normalized, out var error), error);
        Assert.Equal(name, normalized);
    }

    [Fact]
    public void Key_IsCaseMapped_AndWidthMapped()
    {
        Assert.Equal(Usernames.Key("Alice"), Usernames.Key("\uff41LICE"));
        Assert.True(Usernames.Same("Bob", "bob"));
        Assert.False(Usernames.Same("bob", "b0b"));
    }

    [Fact]
    public void Name_OfThirtyTwoLettersWithTwoCombiningMarksEach_Decomposed_IsValid()
    {
        var vietnamese = string.Concat(Enumerable.Repeat("e\u0323\u0302", Usernames.MaxLength));

        Assert.True(Usernames.TryNormalize(vietnamese, out var name, out var error), error);
        Assert.Equal(Usernames.MaxLength, name.Length);
    }

    [Fact]
    public void Name_OverTheByteBound_IsRefusedAsTooLong_AndNamesNobody()
    {
        var markRun = "a" + new string('\u0301', 30_000);

        Assert.False(Usernames.TryNormalize(markRun, out _, out var error));
        Assert.Contains("at most 32 characters", error);
        Assert.False(Usernames.Same(markRun, markRun));
    }
}
