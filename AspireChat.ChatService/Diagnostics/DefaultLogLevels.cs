using Microsoft.Extensions.Configuration.Memory;

namespace AspireChat.ChatService.Diagnostics;

// The service's log levels, at the lowest precedence: appsettings files, environment variables
// and arguments all win. As appsettings.json says, so a service started elsewhere logs the same way.
internal static class DefaultLogLevels
{
    public static void Add(IConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                // grpc-dotnet logs the status of every call that ends in an RpcException at
                // Information: a line per refused call, from any client. Configuration may lower it.
                ["Logging:LogLevel:Grpc.AspNetCore.Server.ServerCallHandler"] = "Warning",
                // The Redis client narrates every connection step, and logs each failed reconnect
                // with its stack trace; the Redis store says it once an outage (RedisOutage).
                ["Logging:LogLevel:StackExchange.Redis"] = "Critical",
                // The health service logs every failed check on every poll, with its exception: a
                // failing check here says it once itself (RedisOutage).
                ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService"] = "Critical",
            },
        });
}
