using AspireChat.Testing;

namespace AspireChat.ScaleOut.Tests;

// The backplane tests' own Redis: killed, it is gone at once; started again, it is back on the
// same port with the same data directory.
public sealed class RedisServerProcessTests
{
    [Fact]
    public async Task KilledThenStartedAgain_AnswersOnTheSamePort()
    {
        await using var redis = await RedisServerProcess.StartNewAsync();
        var port = redis.Port;

        await redis.KillAsync();
        var answersWhileKilled = await redis.AnswersPingAsync();
        await redis.StartAsync();

        Assert.False(answersWhileKilled);
        Assert.True(redis.IsRunning);
        Assert.Equal(port, redis.Port);
        Assert.True(await redis.AnswersPingAsync());
        Assert.Contains(redis.Lines, line => line.Contains("appendonly", StringComparison.OrdinalIgnoreCase) || line.Contains("AOF", StringComparison.Ordinal));
    }
}
