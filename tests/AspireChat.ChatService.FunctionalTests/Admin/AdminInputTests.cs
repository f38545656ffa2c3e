using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests.Admin;

// Whatever the operator (or whoever holds the key) sends: a reason is shown to users inside a
// sentence, so it is one line of visible text within its limits; a period is within a day.
public sealed class AdminInputTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    public static TheoryData<string, string> BadReasons => new()
    {
        { "", "A reason is required" },
        { "   ", "A reason is required" },
        { new string('x', 201), "at most 200 characters; this one has 201" },
        { new string('x', 60_000), "at most 200 characters" },
        { "two\nlines", "U+000A" },
        { "\u001b]0;pwned\u0007", "U+001B" },
        { "reversed \u202etxet", "U+202E" },
        { "hidden\u200bparts", "U+200B" },
        { "para\u2029graph", "U+2029" },
    };

    [Theory]
    [MemberData(nameof(BadReasons))]
    public async Task DisconnectAndMute_ABadReason_IsInvalidArgument(string reason, string why)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var disconnect = await RefusedAsync(server.Admin.DisconnectAsync(new DisconnectRequest { Username = alice.Username, Reason = reason }).ResponseAsync);
        var mute = await RefusedAsync(server.Admin.MuteAsync(new MuteRequest { Username = alice.Username, Reason = reason }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (disconnect.StatusCode, mute.StatusCode));
        Assert.Contains(why, disconnect.Status.Detail);
        Assert.Contains(why, mute.Status.Detail);
        // Nothing was done.
        Assert.Equal(AspireChat.Protocol.MessageResponse.Types.Code.Sent, (await alice.SendAsync("still here")).Code);
    }

    public static TheoryData<long, int, string> BadPeriods => new()
    {
        { 0, 0, "longer than zero" },
        { -60, 0, "longer than zero" },
        { 86_401, 0, "at most a day" },
        { 315_576_000_000, 0, "at most a day" },
        { 60, -1, "not a valid duration" },
        { 60, 1_000_000_000, "not a valid duration" },
    };

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public async Task DisconnectAndMute_APeriodOutOfRange_IsInvalidArgument(long seconds, int nanos, string why)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        var period = new Duration { Seconds = seconds, Nanos = nanos };

        var disconnect = await RefusedAsync(server.Admin.DisconnectAsync(new DisconnectRequest { Username = alice.Username, Reason = "spam", HoldFor = period }).ResponseAsync);
        var mute = await RefusedAsync(server.Admin.MuteAsync(new MuteRequest { Username = alice.Username, Reason = "spam", Duration = period }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (disconnect.StatusCode, mute.StatusCode));
        Assert.Contains(why, disconnect.Status.Detail);
        Assert.Contains(why, mute.Status.Detail);
    }

    [Fact]
    public async Task Mute_ForExactlyADay_IsAccepted()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var response = await server.Admin.MuteAsync(new MuteRequest { Username = alice.Username, Reason = "spam", Duration = Duration.FromTimeSpan(TimeSpan.FromDays(1)) }).ResponseAsync.DefaultTimeout();

        Assert.Equal(Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow() + TimeSpan.FromDays(1)), response.MutedUntil);
    }

    [Fact]
    public async Task EveryOperationOnAUser_WithoutAUsername_IsInvalidArgument()
    {
        var disconnect = await RefusedAsync(server.Admin.DisconnectAsync(new DisconnectRequest { Reason = "spam" }).ResponseAsync);
        var mute = await RefusedAsync(server.Admin.MuteAsync(new MuteRequest { Reason = "spam" }).ResponseAsync);
        var unmute = await RefusedAsync(server.Admin.UnmuteAsync(new UnmuteRequest()).ResponseAsync);

        Assert.All([disconnect, mute, unmute], refused => Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode));
    }

    [Fact]
    public async Task AUsernameThatIsNoName_IsNotFound_AndShownInert()
    {
        var name = "\u001b[2J" + new string('x', 1000);

        var refused = await RefusedAsync(server.Admin.MuteAsync(new MuteRequest { Username = name, Reason = "spam" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain('\u001b', refused.Status.Detail);
        Assert.True(refused.Status.Detail.Length < 300);
    }

    [Fact]
    public async Task AMalformedRequest_IsInvalidArgument()
    {
        using var channel = server.CreateAdminChannel();
        var invoker = channel.CreateCallInvoker();
        var method = new Method<byte[], byte[]>(MethodType.Unary, "chat.ChatAdmin", "Mute", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        var headers = new Metadata { { Conventions.ChatMetadata.AdminKeyHeader, AdminChatServiceFactory.Key } };

        var refused = await RefusedAsync(invoker.AsyncUnaryCall(method, null, new CallOptions(headers), [0x0a, 0xff, 0xff]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    private static async Task<RpcException> RefusedAsync<T>(Task<T> call) =>
        await Assert.ThrowsAsync<RpcException>(() => call.DefaultTimeout());
}
