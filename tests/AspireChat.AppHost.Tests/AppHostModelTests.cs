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

    [Fact]
    public async Task Web_ReachesChat_OnAFixedExternalPort_WithAHealthCheckAndADashboardUrl()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>().StartupTimeout();

        var chat = appHost.Resources.Single(r => r.Name == "chat");
        var web = appHost.Resources.Single(r => r.Name == "web");
        var http = Assert.Single(web.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == "http");

        Assert.Contains(web.Annotations.OfType<ResourceRelationshipAnnotation>(), relation => relation.Resource == chat && relation.Type == "Reference");
        Assert.Contains(web.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource == chat);
        Assert.Equal(5080, http.Port);
        Assert.True(http.IsExternal);
        Assert.NotEmpty(web.Annotations.OfType<HealthCheckAnnotation>());
        // Its display text is checked on the running app (WebResourceTests), where the URL exists.
        Assert.NotEmpty(web.Annotations.OfType<ResourceUrlsCallbackAnnotation>());
    }

    [Fact]
    public async Task FrontEndKey_IsGivenToChatAndWeb_AndToNothingElse()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>().StartupTimeout();
        var key = Assert.Single(appHost.Resources.OfType<ParameterResource>(), p => p.Name == "front-end-key");
        // Where the parameter itself (or an expression over it) is a variable's value, it is given.
        var given = new Dictionary<string, string>();
        foreach (var resource in appHost.Resources.OfType<IResourceWithEnvironment>())
        {
            var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), resource, []);
            foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(context).DefaultTimeout();
            }
            foreach (var variable in context.EnvironmentVariables.Where(v => v.Value == key || v.Value is ReferenceExpression expression && expression.ValueProviders.Contains(key)))
            {
                given[resource.Name] = variable.Key;
            }
        }

        Assert.True(key.Secret);
        Assert.Equal(new Dictionary<string, string> { ["chat"] = "Chat__FrontEndKey", ["web"] = "ChatClient__FrontEndKey" }, given);
    }
}
