using AspireChat.Protocol;
using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// Many connections from one address share that address's registration and message limits.
public sealed class AddressFloodTests(AddressLimitsChatServiceFactory server) : IClassFixture<AddressLimitsChatServiceFactory>
{
    [Fact]
    public async Task ManyConnectionsFromOneAddress_ShareItsRegistrationAndMessageLimits()
    {
        var clients = new List<ChatTestClient>();
        try
        {
            var registrations = new List<Code>();
            for (var i = 0; i < AddressLimitsChatServiceFactory.RegistrationBurstPerAddress + 2; i++)
            {
                var client = new ChatTestClient(server.CreateChannel());
                clients.Add(client);
                var response = await client.AddUserAsync(UniqueName.For("crowd"));
                registrations.Add(response.Code);
                AssertRefusalNamesTheAddress(response);
            }
            var sends = new List<Code>();
            foreach (var client in clients.Where(c => c.Username is not null))
            {
                var response = await client.SendAsync("hello");
                sends.Add(response.Code);
                AssertRefusalNamesTheAddress(response);
            }

            Assert.Equal(AddressLimitsChatServiceFactory.RegistrationBurstPerAddress, registrations.Count(c => c == Code.Added));
            Assert.Equal(Code.RateLimited, registrations.Last());
            // A burst of four, then one a second: six names, one message each.
            Assert.InRange(sends.Count(c => c == Code.Sent), AddressLimitsChatServiceFactory.MessageBurstPerAddress, AddressLimitsChatServiceFactory.MessageBurstPerAddress + 1);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
    private static void AssertRefusalNamesTheAddress(MessageResponse response)
    {
        if (response.Code == Code.RateLimited)
        {
            Assert.Contains("your network address", response.Msg);
        }
    }
}
