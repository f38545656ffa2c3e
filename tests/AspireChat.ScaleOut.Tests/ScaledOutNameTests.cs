using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// Usernames are unique across the replicas of one Redis, by the same rules as on one service.
[Collection(BackplaneCollection.Name)]
public sealed class ScaledOutNameTests(ChatClusterFixture fixture)
{
    private ChatCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task AddUser_NameOnlineOnAnotherReplica_IsTaken_CaseInsensitively()
    {
        var name = UniqueName.For("alice");
        await using var holder = await Cluster.RegisterAsync(0, name);
        await using var onSecond = Cluster.Connect(1);
        await using var onThird = Cluster.Connect(2);

        var same = await onSecond.AddUserAsync(name);
        var otherCase = await onThird.AddUserAsync(name.ToUpperInvariant());

        Assert.True(same.Code == Code.Taken, $"{name} on replica 1 while online on replica 0: {same.Code} {same.Msg}");
        Assert.True(otherCase.Code == Code.Taken, $"{name.ToUpperInvariant()} on replica 2 while {name} is online on replica 0: {otherCase.Code} {otherCase.Msg}");
        Assert.Empty(same.SessionToken);
        Assert.Empty(otherCase.SessionToken);
    }

    [Theory]
    [InlineData("alice", "aIice")]
    [InlineData("bob", "b0b")]
    [InlineData("mallory", "rnallory")]
    [InlineData("pop", "\u0440\u043e\u0440")]
    [InlineData("alice", "\uff41\uff4c\uff49\uff43\uff45")]
    public async Task AddUser_NameConfusableWithOneOnlineOnAnotherReplica_IsTaken(string online, string lookAlike)
    {
        var suffix = UniqueName.For("");
        await using var holder = await Cluster.RegisterAsync(0, online + suffix);
        await using var impostor = Cluster.Connect(2);

        var response = await impostor.AddUserAsync(lookAlike + suffix);

        Assert.True(response.Code == Code.Taken, $"{lookAlike}{suffix} on replica 2 beside {online}{suffix} on replica 0: {response.Code} {response.Msg}");
        Assert.Empty(response.SessionToken);
    }

    // Three replicas asked at the same moment: the reservation is one atomic step in Redis.
    [Theory]
    [InlineData("rush", "rush", "rush")]
    [InlineData("rush", "RUSH", "Rush")]
    [InlineData("alice", "aIice", "al\u0131ce")]
    public async Task AddUser_SameNameOnEveryReplicaAtOnce_IsAddedOnce(string onFirst, string onSecond, string onThird)
    {
        var suffix = UniqueName.For("");
        await using var first = Cluster.Connect(0);
        await using var second = Cluster.Connect(1);
        await using var third = Cluster.Connect(2);

        var responses = await Task.WhenAll(first.AddUserAsync(onFirst + suffix), second.AddUserAsync(onSecond + suffix), third.AddUserAsync(onThird + suffix));

        var codes = string.Join(", ", responses.Select(r => r.Code));
        Assert.True(responses.Count(r => r.Code == Code.Added) == 1, $"{onFirst}{suffix}, {onSecond}{suffix}, {onThird}{suffix} at once: {codes}");
        Assert.True(responses.Count(r => r.Code == Code.Taken) == 2, $"{onFirst}{suffix}, {onSecond}{suffix}, {onThird}{suffix} at once: {codes}");
    }
}
