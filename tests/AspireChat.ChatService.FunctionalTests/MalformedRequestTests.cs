using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests;

// Bytes that are not the message the method takes: INVALID_ARGUMENT, and a brief, bounded log.
public sealed class MalformedRequestTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    // Sends whatever bytes it is given, as a client of any contract (or none) may.
    private static readonly Marshaller<byte[]> s_raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static TheoryData<string, byte[]> MalformedUnaryCalls => new()
    {
        // User.username (field 1) holding bytes that are not UTF-8.
        { "AddUser", [0x0A, 0x02, 0xC3, 0x28] },
        // A length that runs past the end of the message.
        { "AddUser", [0x0A, 0x05, 0x61] },
        // Message.user (field 2) holding a User whose username is not UTF-8.
        { "SendMessage", [0x12, 0x03, 0x0A, 0x01, 0xFF] },
        // Wire type 7 does not exist.
        { "SendMessage", [0x0F] },
    };

    [Theory]
    [MemberData(nameof(MalformedUnaryCalls))]
    public async Task UnaryCall_MalformedRequest_IsInvalidArgument(string method, byte[] payload)
    {
        using var channel = server.CreateChannel();

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(RawMethod(MethodType.Unary, method), null, new CallOptions(), payload);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("not a valid", error.Status.Detail);
    }

    [Fact]
    public async Task Listen_MalformedRequest_IsInvalidArgument()
    {
        using var channel = server.CreateChannel();

        // ListenRequest.resume_epoch (field 4) holding bytes that are not UTF-8.
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(RawMethod(MethodType.ServerStreaming, "Listen"), null, new CallOptions(), [0x22, 0x01, 0xFF]);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task AFloodOfMalformedRequests_IsLoggedBriefly_AndBounded()
    {
        // A service of its own: the other tests' malformed requests may have started its log interval.
        await using var fresh = new ChatServiceFactory();
        using var channel = fresh.CreateChannel();
        var invoker = channel.CreateCallInvoker();
        var before = fresh.Logs.GetSnapshot().Count;

        for (var i = 0; i < 50; i++)
        {
            using var call = invoker.AsyncUnaryCall(RawMethod(MethodType.Unary, "AddUser"), null, new CallOptions(), [0x0A, 0x02, 0xC3, 0x28]);
            await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.DefaultTimeout());
        }

        var logged = fresh.Logs.GetSnapshot().Skip(before).ToList();
        var line = Assert.Single(logged);
        Assert.Null(line.Exception);
        Assert.DoesNotContain('\n', line.Message);
        Assert.Contains("AddUser", line.Message);
    }

    private static Method<byte[], byte[]> RawMethod(MethodType type, string name) => new(type, "chat.Chat", name, s_raw, s_raw);
}
