using AspireChat.Testing;
using Grpc.Net.Client;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// Chat:RedisKeyPrefix keeps deployments that share one Redis apart: the replicas of one prefix
// share a room, another prefix is another room.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class KeyPrefixTests
{
    [Fact]
    public async Task TwoKeyPrefixesOnOneRedis_AreTwoRooms()
    {
        await using var redis = await RedisServerProcess.StartNewAsync();
        await using var blue = new ChatServiceProcess(ChatCluster.ReplicaSettings(redis, new Dictionary<string, string> { ["Chat:RedisKeyPrefix"] = "blue" }));
        await using var blueToo = new ChatServiceProcess(ChatCluster.ReplicaSettings(redis, new Dictionary<string, string> { ["Chat:RedisKeyPrefix"] = "blue" }));
        await using var green = new ChatServiceProcess(ChatCluster.ReplicaSettings(redis, new Dictionary<string, string> { ["Chat:RedisKeyPrefix"] = "green" }));
        foreach (var service in new[] { blue, blueToo, green })
        {
            await service.StartAsync().StartupTimeout();
        }
        var name = UniqueName.For("alice");
        await using var aliceOnBlue = new ChatTestClient(GrpcChannel.ForAddress(blue.GrpcAddress));
        await using var aliceOnBlueToo = new ChatTestClient(GrpcChannel.ForAddress(blueToo.GrpcAddress));
        await using var aliceOnGreen = new ChatTestClient(GrpcChannel.ForAddress(green.GrpcAddress));
        await using var bobOnBlueToo = new ChatTestClient(GrpcChannel.ForAddress(blueToo.GrpcAddress));

        var addedOnBlue = await aliceOnBlue.AddUserAsync(name);
        var takenOnBlueToo = await aliceOnBlueToo.AddUserAsync(name);
        var addedOnGreen = await aliceOnGreen.AddUserAsync(name);
        await bobOnBlueToo.AddUserAsync(UniqueName.For("bob"));
        await using var blueTooListens = await bobOnBlueToo.ListenAsync();
        await using var greenListens = await aliceOnGreen.ListenAsync();
        var sentOnBlue = await aliceOnBlue.SendAsync("only for blue");
        await aliceOnGreen.SendAsync("marker");

        Assert.True(addedOnBlue.Code == Code.Added, $"{addedOnBlue.Code} {addedOnBlue.Msg}");
        Assert.True(takenOnBlueToo.Code == Code.Taken, $"{name} on the other blue replica: {takenOnBlueToo.Code} {takenOnBlueToo.Msg}");
        Assert.True(addedOnGreen.Code == Code.Added, $"{name} under another prefix: {addedOnGreen.Code} {addedOnGreen.Msg}");
        Assert.True(sentOnBlue.Code == Code.Sent, $"{sentOnBlue.Code} {sentOnBlue.Msg}");
        Assert.Equal("only for blue", (await blueTooListens.NextAsync()).Msg);
        Assert.Empty(await greenListens.ReadUntilAsync("marker"));
    }
}
