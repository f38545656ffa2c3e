using AspireChat.RedisServer;
using Microsoft.Extensions.DependencyInjection;

namespace AspireChat.AppHost.Redis;

/// <summary>Adds Debian's redis-server to the app, as <c>AddRedis</c> adds Redis's container.</summary>
public static class RedisServerBuilderExtensions
{
    /// <summary>
    /// A redis-server on a free port behind Aspire's proxy, with a data directory of this run's
    /// own and the arguments every redis-server of this repository runs with (loopback only,
    /// every write in its append-only file before it is answered). Healthy once it answers
    /// through StackExchange.Redis, as Aspire's Redis is.
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var command = RedisServerInstaller.FindOrInstall(builder.AppHostDirectory) ?? RedisServerCommand.FileName;
        var redis = new RedisServerResource(name, command, Directory.CreateTempSubdirectory("aspirechat-redis-").FullName);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, cancellationToken) =>
            connectionString = await ((IResourceWithConnectionString)redis).GetConnectionStringAsync(cancellationToken));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(_ => connectionString ?? throw new InvalidOperationException($"{name}'s connection string is not known yet."), name: healthCheck);

        return builder.AddResource(redis)
            .WithEndpoint(scheme: "tcp", name: RedisServerResource.PrimaryEndpointName)
            .WithArgs(async context =>
            {
                // The port redis-server listens on behind the proxy: known once Aspire has allocated it.
                var port = await redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort).GetValueAsync(context.CancellationToken)
                    ?? throw new InvalidOperationException($"{name} has no port.");
                foreach (var argument in RedisServerCommand.Arguments(port, redis.DataDirectory))
                {
                    context.Args.Add(argument);
                }
            })
            .WithHealthCheck(healthCheck);
    }
}
