using System.Globalization;
using StackExchange.Redis;

namespace AspireChat.Testing;

// One command to a real Redis through StackExchange.Redis, for checks from outside:
// `PING`, `CONFIG GET appendonly`, `INFO commandstats`. Replies come back flat: ["+PONG"],
// ["appendonly", "yes"].
public static class RedisProbe
{
    // A refused connection can take the client its whole connect timeout to report, so a poll
    // for a server that is still starting waits a second at most.
    private static readonly TimeSpan s_pingConnectTimeout = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<string>> CommandAsync(Uri endpoint, params string[] command)
    {
        await using var redis = await ConnectAsync(endpoint, TimeoutExtensions.DefaultTimeoutSpan);
        return await ExecuteAsync(redis, command);
    }

    // PING answered with PONG: false while nothing listens, or while it loads its data (LOADING).
    public static async Task<bool> AnswersPingAsync(Uri endpoint)
    {
        try
        {
            await using var redis = await ConnectAsync(endpoint, s_pingConnectTimeout);
            return await ExecuteAsync(redis, "PING") is ["+PONG"];
        }
        catch (RedisException)
        {
            return false;
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(Uri endpoint, TimeSpan connectTimeout)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { endpoint.Host, endpoint.Port } },
            // CONFIG, FLUSHALL and INFO are admin commands; a probe fails at once rather than retrying.
            AllowAdmin = true,
            AbortOnConnectFail = true,
            ConnectRetry = 0,
            ConnectTimeout = (int)connectTimeout.TotalMilliseconds,
        };
        return await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(connectTimeout + TimeoutExtensions.DefaultTimeoutSpan);
    }

    private static async Task<IReadOnlyList<string>> ExecuteAsync(ConnectionMultiplexer redis, params string[] command) =>
        Flatten(await redis.GetDatabase().ExecuteAsync(command[0], [.. command[1..]]).DefaultTimeout());

    // Simple strings and integers keep their type mark; bulk strings and arrays do not.
    private static IReadOnlyList<string> Flatten(RedisResult reply) => reply.Resp2Type switch
    {
        ResultType.Array => [.. ((RedisResult[])reply!).SelectMany(Flatten)],
        ResultType.SimpleString => [$"+{reply}"],
        ResultType.Integer => [string.Create(CultureInfo.InvariantCulture, $":{(long)reply}")],
        _ => reply.IsNull ? [] : [(string)reply!],
    };
}
