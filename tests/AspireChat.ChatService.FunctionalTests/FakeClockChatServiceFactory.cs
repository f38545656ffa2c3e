using AspireChat.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service whose clock the test moves: grace periods pass when the test says so.
public sealed class FakeClockChatServiceFactory : ChatServiceFactory
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    public FakeTimeProvider Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:ReconnectGracePeriod"] = GracePeriod.ToString(),
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
