using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace AspireChat.UnitTests.ChatService;

// However many paths report Redis failing, and however often: a warning when it goes, a line a
// minute while it stays away, a line when it is back.
public sealed class RedisOutageTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 14, 2, 11, TimeSpan.Zero));
    private readonly FakeLogger<RedisOutage> _logger = new();

    [Fact]
    public void ManyFailures_InAMinute_AreOneWarning()
    {
        var outage = new RedisOutage(_time, _logger);

        for (var i = 0; i < 50; i++)
        {
            outage.Failed(Refused());
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var lines = _logger.Collector.GetSnapshot();
        Assert.Single(lines);
        Assert.Equal("The shared store (Redis) is away: SocketFailure: Connection refused. Calls that need it are refused until it is back", lines[0].Message);
        Assert.Null(lines[0].Exception);
    }

    [Fact]
    public void FailuresForThreeMinutes_AreAWarning_AndALineEachMinute()
    {
        var outage = new RedisOutage(_time, _logger);

        for (var second = 0; second <= 180; second++)
        {
            outage.Failed(Refused());
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var lines = _logger.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Equal(4, lines.Count);
        Assert.All(lines.Skip(1), line => Assert.Equal("The shared store (Redis) is still away, since 14:02:11 UTC: SocketFailure: Connection refused", line));
    }

    [Fact]
    public void AnAnswer_AfterAFailure_IsOneLine_AndClearsTheStatus()
    {
        var outage = new RedisOutage(_time, _logger);
        outage.Failed(Refused());
        Assert.Equal("Redis is away since 14:02:11 UTC: SocketFailure: Connection refused", outage.Status);

        _time.Advance(TimeSpan.FromSeconds(75));
        outage.Answered();
        outage.Answered();

        Assert.Null(outage.Status);
        Assert.Equal(["The shared store (Redis) is away: SocketFailure: Connection refused. Calls that need it are refused until it is back", "The shared store (Redis) is back, after 00:01:15 away"],
            _logger.Collector.GetSnapshot().Select(r => r.Message));
    }

    [Fact]
    public void AnswersWithoutAnOutage_SayNothing()
    {
        var outage = new RedisOutage(_time, _logger);

        outage.Answered();

        Assert.Empty(_logger.Collector.GetSnapshot());
        Assert.Null(outage.Status);
    }

    private static StoreUnavailableException Refused() =>
        new("The chat's shared store (Redis) cannot be reached; nothing was done. Try again shortly.", new RedisConnectionException(ConnectionFailureType.SocketFailure, "Connection refused"));
}
