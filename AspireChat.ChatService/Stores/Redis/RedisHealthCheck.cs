using AspireChat.ChatService.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// Redis answers a PING; or the report says in one line since when it is away and why
// (RedisOutage). No exception goes with the result: an outage is expected, and the health
// service would log its stack trace on every poll.
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis, RedisOutage outage) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            outage.Answered();
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (RedisFailures.Unavailable(ex) is { } unavailable)
        {
            outage.Failed(unavailable);
            return HealthCheckResult.Unhealthy(outage.Status ?? RedisFailures.Reason(unavailable));
        }
    }
}
