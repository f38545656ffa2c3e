using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.ScaleOut.Tests;

// A replica looks up a session token it does not know in Redis, by the name the token carries. A
// forged token whose name part is a long run of combining marks is refused by its length before
// it is decoded or its name normalised (which would cost tens of milliseconds a call): measured as
// the CPU time the replica spends on the calls.
[Collection(BackplaneCollection.Name)]
public sealed class ForgedTokenTests(ChatClusterFixture fixture)
{
    private const int Calls = 50;

    [Fact]
    public async Task ForgedTokenNamingCombiningMarks_IsUnauthenticated_ForLittleCpu()
    {
        // 11 KB as UTF-8, about 14.7 KB in the token: within the 16 KB a header field may have.
        var name = "a" + string.Concat(Enumerable.Repeat("\u0301\u0316", 2_750));
        var forged = $"v1.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name))}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16))}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        await using var mallory = new ChatTestClient(fixture.Cluster.Channel(0)) { SessionToken = forged };
        var replica = fixture.Cluster.Replicas[0];
        await Assert.ThrowsAsync<RpcException>(() => mallory.SendAsync("hi"));

        var before = replica.ProcessorTime;
        for (var i = 0; i < Calls; i++)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => mallory.SendAsync("hi"));

            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        }
        var used = replica.ProcessorTime - before;

        Assert.True(used < TimeSpan.FromSeconds(1), $"{Calls} refusals cost the replica {used.TotalMilliseconds:F0} ms of CPU.");
    }
}
