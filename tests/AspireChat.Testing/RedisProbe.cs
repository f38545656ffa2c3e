using System.Globalization;
using StackExchange.Redis;

namespace AspireChat.Testing;

// One command to a real Redis through StackExchange.Redis, for checks from outside:
// `PING`, `CONFIG GET appendonly`, `INFO commandstats`. Replies come back flat: ["+PONG"],
// ["appendonly", "yes"].
public static class RedisProbe
{
    public static async Task<IReadOnlyList<string>> CommandAsync(Uri endpoint, params string[] command)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { endpoint.Host, endpoint.Port } },
            // CONFIG, FLUSHALL and INFO are admin commands; a probe fails at once rather than retrying.
            AllowAdmin = true,
            AbortOnConnectFail = true,
            ConnectRetry = 0,
            ConnectTimeout = (int)TimeoutExtensions.DefaultTimeoutSpan.TotalMilliseconds,
        };
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options).DefaultTimeout();
        var reply = await redis.GetDatabase().ExecuteAsync(command[0], [.. command[1..]]).DefaultTimeout();
        return Flatten(reply);
    }

    // Simple strings and integers keep their type mark; bulk strings and arrays do not.
    private static IReadOnlyList<string> Flatten(RedisResult reply) => reply.Resp2Type switch
    {
        ResultType.Array => [.. ((RedisResult[])reply!).SelectMany(Flatten)],
        ResultType.SimpleString => [$"+{reply}"],
        ResultType.Integer => [string.Create(CultureInfo.InvariantCulture, $":{(long)reply}")],
        _ => reply.IsNull ? [] : [(string)reply!],
    };
}
