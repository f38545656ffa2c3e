using System.Net;
using AspireChat.Client;
using AspireChat.Client.Connection;
using AspireChat.Client.Messaging;
using AspireChat.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// A front end's use of the client library: one ChatConnection, a ChatClient per person over it,
// each forwarding its person's address with the front end's key, each person's session kept.
public sealed class SharedConnectionTests(FrontEndChatServiceFactory server) : IClassFixture<FrontEndChatServiceFactory>, IDisposable
{
    private readonly IHost _host = ChatClientHost.Build(new Dictionary<string, string?>
    {
        ["ChatClient:Server"] = server.GrpcAddress.ToString(),
        ["ChatClient:FrontEndKey"] = FrontEndChatServiceFactory.Key,
    });

    private ChatConnection Connection => _host.Services.GetRequiredService<ChatConnection>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ClientsOverOneConnection_AreEachTheirOwnUser_AndCannotTakeEachOthersName()
    {
        await using var first = Person("192.0.2.10");
        await using var second = Person("192.0.2.11");
        var name = UniqueName.For("page");

        var added = await first.RegisterAsync(name).DefaultTimeout();
        var taken = await second.RegisterAsync(name).DefaultTimeout();

        Assert.Equal(RegistrationOutcome.Added, added.Outcome);
        Assert.Equal(RegistrationOutcome.Taken, taken.Outcome);
        Assert.Equal(RegistrationOutcome.Added, (await second.RegisterAsync(UniqueName.For("page")).DefaultTimeout()).Outcome);
    }

    [Fact]
    public async Task ResumeAsync_WithTheKeptSession_IsTheSameUser_AndAWrongOneIsRefused()
    {
        var name = UniqueName.For("page");
        await using var before = Person("192.0.2.20");
        await before.RegisterAsync(name).DefaultTimeout();
        await using var reloaded = Person("192.0.2.20");
        await using var stranger = Person("192.0.2.21");

        var resumed = await reloaded.ResumeAsync(name, before.SessionToken!).DefaultTimeout();
        var refused = await stranger.ResumeAsync(name, "not-the-session").DefaultTimeout();

        Assert.Equal(RegistrationOutcome.Added, resumed.Outcome);
        Assert.Equal(before.SessionToken, reloaded.SessionToken);
        Assert.Equal(RegistrationOutcome.Taken, refused.Outcome);
        Assert.Null(stranger.SessionToken);
        Assert.True((await reloaded.SendAsync("back after a reload").DefaultTimeout()).IsSent);
    }

    [Fact]
    public async Task PeopleForwardedByOneFrontEnd_EachHaveTheirOwnAddressBudget()
    {
        await using var crowd = new AsyncDisposableList();
        for (var i = 0; i < FrontEndChatServiceFactory.MaxUsersPerAddress; i++)
        {
            var person = crowd.Add(Person("198.51.100.7"));
            Assert.Equal(RegistrationOutcome.Added, (await person.RegisterAsync(UniqueName.For("crowd")).DefaultTimeout()).Outcome);
        }

        var oneTooMany = await crowd.Add(Person("198.51.100.7")).RegisterAsync(UniqueName.For("crowd")).DefaultTimeout();
        var somebodyElse = await crowd.Add(Person("198.51.100.8")).RegisterAsync(UniqueName.For("crowd")).DefaultTimeout();

        Assert.Equal(RegistrationOutcome.RateLimited, oneTooMany.Outcome);
        Assert.Contains("network address", oneTooMany.Message, StringComparison.Ordinal);
        Assert.Equal(RegistrationOutcome.Added, somebodyElse.Outcome);
    }

    private ChatClient Person(string address) =>
        new(Connection, NullLogger<ChatClient>.Instance) { ForwardedFor = IPAddress.Parse(address) };
}
