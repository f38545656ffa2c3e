extern alias apphost;

using Aspire.Hosting.Testing;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests;

// The AppHost's app model, built but not started: what each way of running it starts.
public sealed class AppHostModelTests
{
    [Fact]
    public async Task PlainRun_HasOneChatReplica_AndNoRedis()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>().StartupTimeout();

        var chat = appHost.Resources.Single(r => r.Name == "chat");
        Assert.DoesNotContain(chat.Annotations.OfType<ReplicaAnnotation>(), replicas => replicas.Replicas != 1);
        Assert.DoesNotContain(appHost.Resources, r => r.Name == "redis");
    }

    [Fact]
    public async Task ScaleOutRun_HasRedisServer_AndChatReplicasThatWaitForIt()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>(["--replicas", "3"]).StartupTimeout();

        var chat = appHost.Resources.Single(r => r.Name == "chat");
        var redis = Assert.IsAssignableFrom<ExecutableResource>(appHost.Resources.Single(r => r.Name == "redis"));
        Assert.IsAssignableFrom<IResourceWithConnectionString>(redis);
        Assert.Equal(3, Assert.Single(chat.Annotations.OfType<ReplicaAnnotation>()).Replicas);
        Assert.Equal("redis-server", Path.GetFileName(redis.Command));
        Assert.Contains(chat.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource == redis);
        Assert.Contains(redis.Annotations.OfType<HealthCheckAnnotation>(), check => check.Key == "redis_check");
    }
}
