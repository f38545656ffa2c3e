using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;
using Microsoft.Extensions.Time.Testing;

namespace AspireChat.UnitTests.Rules;

public sealed class FloodLimitsTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FloodLimits _limits;

    public FloodLimitsTests() => _limits = new FloodLimits(new ChatOptions
    {
        MessageBurstPerConnection = 3,
        MessagesPerSecondPerConnection = 2,
        RegistrationBurstPerConnection = 2,
        RegistrationsPerConnectionPerMinute = 1,
        PresenceNoticeBurst = 2,
        PresenceNoticesPerSecond = 1,
    }, _time);

    [Fact]
    public void TrySend_PastTheBurst_IsRefused_UntilTimeRefillsIt()
    {
        var origin = new CallOrigin("connection-1", "10.0.0.1");
        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(_limits.TrySend(origin)));
        Assert.Equal("Slow down: too many messages on this connection.", _limits.TrySend(origin));

        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Null(_limits.TrySend(origin));
        Assert.NotNull(_limits.TrySend(origin));
    }

    [Fact]
    public void TrySend_OneConnectionsBurst_LeavesAnotherConnectionsAlone()
    {
        var first = new CallOrigin("connection-1", "10.0.0.1");
        for (var i = 0; i < 4; i++)
        {
            _limits.TrySend(first);
        }

        Assert.Null(_limits.TrySend(new CallOrigin("connection-2", "10.0.0.1")));
    }

    [Fact]
    public void TryRegister_RefillsPerMinute_NeverBeyondTheBurst()
    {
        var origin = new CallOrigin("connection-1", "10.0.0.1");
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Null(_limits.TryRegister(origin));
        Assert.Null(_limits.TryRegister(origin));
        Assert.Equal("Too many registrations on this connection; wait a minute and try again.", _limits.TryRegister(origin));

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(_limits.TryRegister(origin));
        Assert.Null(_limits.TryRegister(origin));
        Assert.NotNull(_limits.TryRegister(origin));
    }

    [Fact]
    public void Sweep_ForgetsOnlyRefilledBuckets()
    {
        var origin = new CallOrigin("connection-1", "10.0.0.1");
        Assert.Null(_limits.TryRegister(origin));
        Assert.Null(_limits.TryRegister(origin));

        _limits.Sweep();

        Assert.NotNull(_limits.TryRegister(origin));
    }

    [Fact]
    public void TryNotifyPresence_IsRoomWide_WithABurst()
    {
        Assert.True(_limits.TryNotifyPresence());
        Assert.True(_limits.TryNotifyPresence());
        Assert.False(_limits.TryNotifyPresence());

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(_limits.TryNotifyPresence());
        Assert.False(_limits.TryNotifyPresence());
    }
}
