extern alias chatservice;

using BenchmarkDotNet.Attributes;
using chatservice::AspireChat.ChatService.Model;
using chatservice::AspireChat.ChatService.Room;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireChat.Bench.Micro;

// The room's hot path with no network: one broadcast to N subscriptions, each queue then read,
// as each stream's writer loop would. Time and allocations per broadcast.
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private ChatRoom _room = null!;
    private ChatUser _sender = null!;
    private List<Subscription> _subscriptions = [];
    private IHost _host = null!;

    private static readonly CallOrigin s_origin = new("bench/sender", "bench");

    [Params(100, 1_000, 10_000)]
    public int Listeners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder(["--Chat:MessagesPerSecond=1000000", "--Chat:MessageBurst=1000000", "--Chat:RegistrationBurstPerAddress=1000000", "--Chat:MessageBurstPerConnection=1000000", "--Chat:MessagesPerSecondPerConnection=1000000", "--Chat:MessageBurstPerAddress=1000000", "--Chat:MessagesPerSecondPerAddress=1000000", "--Chat:MaxUsersPerAddress=1000000", "--Chat:MaxStreamsPerAddress=1000000", "--Logging:LogLevel:Default=Warning"]);
        chatservice::Microsoft.Extensions.Hosting.ChatServiceExtensions.AddChatService(builder);
        _host = builder.Build();
        _room = _host.Services.GetRequiredService<ChatRoom>();
        _sender = Register("sender");
        _subscriptions = [.. Enumerable.Range(0, Listeners).Select(i =>
        {
            _room.TrySubscribe(Register($"listener{i}"), new ListenSettings(false, null, 0, ""), "bench", CancellationToken.None, out var subscription);
            return subscription!;
        })];
    }

    [Benchmark]
    public int BroadcastAndDrain()
    {
        // The in-memory room completes synchronously.
        _room.SendAsync(_sender, "a message of a typical length, about sixty characters long", s_origin).GetAwaiter().GetResult();
        var read = 0;
        foreach (var subscription in _subscriptions)
        {
            while (subscription.Messages.TryRead(out _))
            {
                read++;
            }
        }
        return read;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        _host.Dispose();
    }

    private ChatUser Register(string name) => _room.AddUserAsync(name, null, $"bench/{name}", new CallOrigin($"bench/{name}", "bench")).GetAwaiter().GetResult().User!;
}
