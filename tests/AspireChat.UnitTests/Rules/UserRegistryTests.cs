using System.Diagnostics.Metrics;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Users;
using Microsoft.Extensions.Time.Testing;

namespace AspireChat.UnitTests.Rules;

public sealed class UserRegistryTests
{
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly UserRegistry _registry;

    public UserRegistryTests()
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var options = Microsoft.Extensions.Options.Options.Create(new ChatOptions { ReconnectGracePeriod = s_grace, MaxStreamsPerUser = 2, MaxUsersPerAddress = 2, MaxStreamsPerAddress = 3 });
        _registry = new UserRegistry(options, _time, new ChatTelemetry(meters));
    }

    [Fact]
    public void Register_NameOfAnotherCaller_IsTaken_CaseInsensitively()
    {
        _registry.Register("alice", null, "connection-1");

        Assert.Null(_registry.Register("ALICE", null, "connection-2").User);
    }

    [Fact]
    public void Register_SameConnectionAgain_KeepsTheSession()
    {
        var first = _registry.Register("alice", null, "connection-1");

        var again = _registry.Register("alice", null, "connection-1");

        Assert.Same(first.User, again.User);
        Assert.False(again.IsNew);
    }

    [Fact]
    public void User_WithAStream_StaysOnlinePastTheGrace()
    {
        var alice = _registry.Register("alice", null, "connection-1").User!;
        _registry.TryOpenStream(alice);

        _time.Advance(s_grace * 10);

        Assert.Same(alice, _registry.FindByName("alice"));
    }

    [Fact]
    public void User_IsExpired_WhenTheGracePassesAfterItsLastStream()
    {
        var alice = _registry.Register("alice", null, "connection-1").User!;
        _registry.TryOpenStream(alice);
        _registry.CloseStream(alice);

        _time.Advance(s_grace - TimeSpan.FromSeconds(1));
        var withinGrace = _registry.FindByToken(alice.SessionToken);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Same(alice, withinGrace);
        Assert.Null(_registry.FindByToken(alice.SessionToken));
        Assert.Null(_registry.FindByConnection("connection-1"));
        var again = _registry.Register("alice", null, "connection-2");
        Assert.NotSame(alice, again.User);
        Assert.Same(alice, again.Expired);
        Assert.Equal(StreamOpenResult.Expired, _registry.TryOpenStream(alice));
    }

    [Fact]
    public void RemoveExpired_ReturnsTheUsersWhoLeft()
    {
        var alice = _registry.Register("alice", null, "connection-1").User!;
        var bob = _registry.Register("bob", null, "connection-2").User!;
        _registry.TryOpenStream(bob);

        _time.Advance(s_grace * 2);

        Assert.Equal([alice], _registry.RemoveExpired());
        Assert.Equal([bob], _registry.Online());
    }

    [Fact]
    public void RemoveExpired_AUserWhoseLastStreamClosed_ExpiresAfterTheGracePeriod()
    {
        var alice = _registry.Register("alice", null, "connection-1").User!;
        _registry.TryOpenStream(alice);
        _time.Advance(s_grace * 2);
        Assert.Empty(_registry.RemoveExpired());

        _registry.CloseStream(alice);
        _time.Advance(s_grace / 2);
        Assert.Empty(_registry.RemoveExpired());
        _time.Advance(s_grace);

        Assert.Equal([alice], _registry.RemoveExpired());
        Assert.Empty(_registry.Online());
    }

    [Fact]
    public void TryOpenStream_BeyondTheLimit_IsRefused()
    {
        var alice = _registry.Register("alice", null, "connection-1").User!;

        Assert.Equal(StreamOpenResult.Opened, _registry.TryOpenStream(alice));
        Assert.Equal(StreamOpenResult.Opened, _registry.TryOpenStream(alice));
        Assert.Equal(StreamOpenResult.LimitReached, _registry.TryOpenStream(alice));
    }

    [Fact]
    public void Register_PastTheUsersAnAddressHolds_IsRefused_UntilOneExpires()
    {
        var alice = _registry.Register("alice", null, "connection-1", "203.0.113.7").User!;
        _registry.Register("bob", null, "connection-2", "203.0.113.7");
        _registry.TryOpenStream(alice);

        var third = _registry.Register("carol", null, "connection-3", "203.0.113.7");
        var elsewhere = _registry.Register("dave", null, "connection-4", "198.51.100.1");
        var again = _registry.Register("bob", null, "connection-2", "203.0.113.7");
        _time.Advance(s_grace + TimeSpan.FromSeconds(1));
        var afterBobExpired = _registry.Register("carol", null, "connection-3", "203.0.113.7");

        Assert.True(third.AddressFull);
        Assert.Null(third.User);
        Assert.NotNull(elsewhere.User);
        Assert.NotNull(again.User);
        Assert.NotNull(afterBobExpired.User);
    }

    [Fact]
    public void TryOpenStream_PastTheStreamsAnAddressHolds_IsRefused_UntilOneCloses()
    {
        var alice = _registry.Register("alice", null, "connection-1").User!;
        var bob = _registry.Register("bob", null, "connection-2").User!;
        _registry.TryOpenStream(alice, "203.0.113.7");
        _registry.TryOpenStream(alice, "203.0.113.7");
        _registry.TryOpenStream(bob, "203.0.113.7");

        var fourth = _registry.TryOpenStream(bob, "203.0.113.7");
        var elsewhere = _registry.TryOpenStream(_registry.Register("carol", null, "connection-3").User!, "198.51.100.1");
        _registry.CloseStream(alice, "203.0.113.7");
        var afterOneClosed = _registry.TryOpenStream(bob, "203.0.113.7");

        Assert.Equal(StreamOpenResult.AddressLimitReached, fourth);
        Assert.Equal(StreamOpenResult.Opened, elsewhere);
        Assert.Equal(StreamOpenResult.Opened, afterOneClosed);
    }
}
