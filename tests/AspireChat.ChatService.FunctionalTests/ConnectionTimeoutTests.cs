using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// Connections and calls that stall are let go: one that never sends its HTTP/2 preface, and a
// unary call whose body stops before its last byte. Listen streams outlive both timeouts.
public sealed class ConnectionTimeoutTests(ShortTimeoutsChatServiceFactory server) : IClassFixture<ShortTimeoutsChatServiceFactory>
{
    [Fact]
    public async Task ConnectionThatNeverSendsThePreface_IsClosed()
    {
        await using var silent = await RawHttp2Connection.OpenAsync(server.GrpcAddress);

        // Closed by the service before the deadline; Kestrel's default would hold it for 130 s.
        var frames = await silent.ReadUntilClosedAsync().DefaultTimeout();

        Assert.All(frames, frame => Assert.Equal(Http2Frame.GoAway, frame.Type));
    }

    [Fact]
    public async Task UnaryRequestStalledBeforeItsLastByte_IsReset_AndListenStreamsLiveOn()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var listening = await alice.ListenAsync();
        await using var stalled = await RawHttp2Connection.OpenAsync(server.GrpcAddress);
        await stalled.SendPrefaceAsync();
        await stalled.SendRequestHeadersAsync(1, "/chat.Chat/AddUser");
        // A gRPC message declared as 65,000 bytes, all but its last byte sent.
        var body = new byte[5 + 64_999];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1), 65_000);
        await stalled.SendDataAsync(1, body);

        var reset = await stalled.ReadUntilAsync(frame => frame.Type == Http2Frame.RstStream && frame.StreamId == 1).DefaultTimeout();
        var sent = await alice.SendAsync("still listening");
        var heard = await listening.NextAsync();

        Assert.True(reset, "the stalled call's stream was reset, or its connection closed");
        Assert.Equal(Code.Sent, sent.Code);
        Assert.Equal("still listening", heard.Msg);
    }
}
