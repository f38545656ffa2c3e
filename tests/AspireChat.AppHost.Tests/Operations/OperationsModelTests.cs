extern alias apphost;

using Aspire.Hosting.Testing;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests.Operations;

// The operator's pieces of the app model, built but not started: the admin key, chat's admin
// endpoint, the commands on chat, and redis shown under chat.
public sealed class OperationsModelTests
{
    [Fact]
    public async Task AdminKey_IsASecret_GivenToChat_AndToNothingElse()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>().StartupTimeout();
        var key = Assert.Single(appHost.Resources.OfType<ParameterResource>(), p => p.Name == "admin-key");

        var given = await ParameterUses.WhereGivenAsync(appHost, key);

        Assert.True(key.Secret);
        Assert.Equal(new Dictionary<string, string> { ["chat"] = "Chat__AdminKey" }, given);
    }

    [Fact]
    public async Task AdminEndpoint_IsH2c_OnAnyPort_NotExternal_OnLoopback_AndNotToldToChatsClients()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>().StartupTimeout();
        var chat = appHost.Resources.Single(r => r.Name == "chat");
        var admin = Assert.Single(chat.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == "admin");

        var chatsUrl = Assert.IsType<ReferenceExpression>((await ParameterUses.EnvironmentOfAsync(chat))["Kestrel__Endpoints__admin__Url"]);

        Assert.Equal(("http", "http2", null, false), (admin.UriScheme, admin.Transport, admin.Port, admin.IsExternal));
        Assert.StartsWith("http://localhost:", chatsUrl.ValueExpression);
        foreach (var client in new[] { "alice", "bob", "web" })
        {
            var environment = await ParameterUses.EnvironmentOfAsync(appHost.Resources.Single(r => r.Name == client));
            Assert.Contains(environment.Keys, name => name.Contains("chat__grpc", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(environment.Keys, name => name.Contains("admin", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Chat_HasTheOperatorsCommands_WithTheirInputs()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>().StartupTimeout();
        var chat = appHost.Resources.Single(r => r.Name == "chat");

        var commands = chat.Annotations.OfType<ResourceCommandAnnotation>().ToDictionary(command => command.Name);

        Assert.Equal(["text"], commands["announce"].Arguments.Select(input => input.Name));
        Assert.Empty(commands["list-users"].Arguments);
        Assert.Equal(["username", "minutes", "reason"], commands["mute"].Arguments.Select(input => input.Name));
        Assert.Equal(["username"], commands["unmute"].Arguments.Select(input => input.Name));
        Assert.Equal(["username", "reason", "minutes"], commands["disconnect"].Arguments.Select(input => input.Name));
        Assert.All(new[] { "mute", "disconnect" }, name => Assert.Equal("10", commands[name].Arguments.Single(input => input.Name == "minutes").Value));
        Assert.False(string.IsNullOrWhiteSpace(commands["disconnect"].ConfirmationMessage));
        Assert.All(new[] { "announce", "list-users", "mute", "unmute", "disconnect" }, name =>
        {
            Assert.False(string.IsNullOrWhiteSpace(commands[name].DisplayDescription));
            Assert.False(string.IsNullOrWhiteSpace(commands[name].IconName));
        });
    }

    [Fact]
    public async Task ScaleOutRun_ShowsRedis_AsChatsChild()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AspireChat_AppHost>(["--replicas", "3"]).StartupTimeout();
        var chat = appHost.Resources.Single(r => r.Name == "chat");
        var redis = appHost.Resources.Single(r => r.Name == "redis");

        Assert.Contains(redis.Annotations.OfType<ResourceRelationshipAnnotation>(), relation => relation.Resource == chat && relation.Type == "Parent");
    }
}
