using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Xunit.Abstractions;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// A name can expire in Redis while its replica still has the session (a partition longer than
// the grace period); once somebody else registers the name, the old session is over: its streams
// end with UNAUTHENTICATED (register again) and get nothing of the new session's.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class ReplacedSessionTests(ITestOutputHelper output)
{
    // "Within a few seconds": the service ends the stream as it hands the name over.
    private static readonly TimeSpan s_endsWithin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task NameExpiredInRedis_AndRegisteredAgainOnTheSameReplica_TheOldSessionsStream_EndsUnauthenticated()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        var name = UniqueName.For("alice");
        await using var alice = await cluster.RegisterAsync(0, name);
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var oldStream = await alice.ListenAsync();
        await using var newAlice = cluster.Connect(0);

        var added = await ExpireAndRegisterAsync(cluster, newAlice, name);
        var ended = await EndOfAsync(oldStream);
        await using var newStream = await newAlice.ListenAsync();
        var direct = await bob.SendAsync($"@{name} for the new alice only");
        var marker = await bob.SendAsync("marker");
        var oldStreamGot = await oldStream.ReadToEndAsync();
        var oldTokenSends = await Assert.ThrowsAsync<RpcException>(() => alice.SendAsync("still me?"));

        Assert.True(added.Code == Code.Added, $"{name} registered again: {added.Code} {added.Msg}");
        Assert.NotEqual(alice.SessionToken, newAlice.SessionToken);
        Assert.True(ended.StatusCode == StatusCode.Unauthenticated, $"the old session's stream ended with {ended.StatusCode} {ended.Status.Detail}");
        Assert.True(direct.Code == Code.Sent && marker.Code == Code.Sent, $"{direct.Code} {direct.Msg}; {marker.Code} {marker.Msg}");
        Assert.Equal($"@{name} for the new alice only", Assert.Single(await newStream.ReadUntilAsync("marker")).Msg);
        Assert.True(!oldStreamGot.Any(m => m.Msg.Contains("for the new alice", StringComparison.Ordinal)), $"the old session's stream received: {string.Join(" | ", oldStreamGot.Select(m => $"{m.User.Username}: {m.Msg}"))}");
        Assert.Equal(StatusCode.Unauthenticated, oldTokenSends.StatusCode);
    }

    // Deletes the name's keys, as their expiry would, and registers the name on another
    // connection. The replica renews its listener's name now and then (every 5 s here): if it
    // has just taken it back, the name is TAKEN, and it is deleted again.
    private static async Task<MessageResponse> ExpireAndRegisterAsync(ChatCluster cluster, ChatTestClient client, string name)
    {
        var endpoint = new Uri($"redis://{cluster.Redis.ConnectionString}");
        MessageResponse? response = null;
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            await RedisProbe.CommandAsync(endpoint, "DEL", $"{{aspirechat}}:user:{Usernames.Key(name)}", $"{{aspirechat}}:look:{Usernames.Skeleton(name)}");
            response = await client.AddUserAsync(name);
            return response.Code != Code.Taken;
        }, $"{name} can be registered again once its keys are gone", every: TimeSpan.FromMilliseconds(100));
        return response!;
    }

    private static async Task<RpcException> EndOfAsync(StreamProbe<Message> stream)
    {
        try
        {
            await stream.Completion.WaitAsync(s_endsWithin);
        }
        catch (RpcException ex)
        {
            return ex;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The old session's stream was still open {s_endsWithin.TotalSeconds} s after its name was registered again.");
        }
        throw new InvalidOperationException("The old session's stream ended without an error status.");
    }
}
