using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.ChatService.FunctionalTests;

// A name built to be expensive (a letter and a long run of combining marks, which normalisation
// handles in time quadratic in the run) is refused by its length in bytes before anything reads
// it. Measured as the CPU time the real service process spends on the calls: a refusal costs well
// under a millisecond, while normalising such a name first cost about 1.6 s a call.
public sealed class ExpensiveInputTests : IAsyncLifetime
{
    private const int Calls = 10;

    // Marks of two combining classes, alternating, which canonical ordering sorts: 60 KB as
    // UTF-8, within the 64 KiB a request may have.
    private static readonly string s_markRun = "a" + string.Concat(Enumerable.Repeat("\u0301\u0316", 15_000));

    private static readonly TimeSpan s_cpuBudget = TimeSpan.FromSeconds(1);

    private readonly ChatServiceProcess _service = new(ChatServiceFactory.OpenFloodLimits);

    public Task InitializeAsync() => _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AddUser_NameOfCombiningMarks_IsRefusedAsTooLong_ForLittleCpu()
    {
        using var channel = GrpcChannel.ForAddress(_service.GrpcAddress);
        var client = new Chat.ChatClient(channel);
        await client.AddUserAsync(new User { Username = s_markRun }).ResponseAsync.DefaultTimeout();

        var before = _service.ProcessorTime;
        for (var i = 0; i < Calls; i++)
        {
            var response = await client.AddUserAsync(new User { Username = s_markRun }).ResponseAsync.DefaultTimeout();

            Assert.Equal(MessageResponse.Types.Code.InvalidUsername, response.Code);
            Assert.Contains("at most 32 characters", response.Msg);
        }
        var used = _service.ProcessorTime - before;

        Assert.True(used < s_cpuBudget, $"{Calls} refusals cost the service {used.TotalMilliseconds:F0} ms of CPU.");
    }

    [Fact]
    public async Task SendMessage_ClaimingANameOfCombiningMarks_IsPermissionDenied_ForLittleCpu()
    {
        await using var mallory = new ChatTestClient(GrpcChannel.ForAddress(_service.GrpcAddress));
        await mallory.AddUserAsync(UniqueName.For("mallory"));
        await Assert.ThrowsAsync<RpcException>(() => mallory.SendAsync("hi", asUser: s_markRun));

        var before = _service.ProcessorTime;
        for (var i = 0; i < Calls; i++)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => mallory.SendAsync("hi", asUser: s_markRun));

            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.True(refused.Status.Detail.Length < 300, $"The refusal repeats the claimed name: {refused.Status.Detail.Length} characters.");
        }
        var used = _service.ProcessorTime - before;

        Assert.True(used < s_cpuBudget, $"{Calls} refusals cost the service {used.TotalMilliseconds:F0} ms of CPU.");
    }
}
