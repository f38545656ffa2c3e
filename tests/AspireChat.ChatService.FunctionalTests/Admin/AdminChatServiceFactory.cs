using AspireChat.Conventions;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Time.Testing;

namespace AspireChat.ChatService.FunctionalTests.Admin;

// A service with the admin API on (Chat:AdminKey) at a port of its own, and a clock the test
// moves: holds and mutes end when the test says so.
public sealed class AdminChatServiceFactory : ChatServiceFactory
{
    public const string Key = "admin-key-of-the-tests-0123456789";
    public const string ReplicaName = "replica-under-test";

    private readonly int _adminPort = FreePort.Next();
    private GrpcChannel? _adminChannel;
    private ChatAdmin.ChatAdminClient? _admin;

    // Not the Unix epoch: times read as they would on any day.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public Uri AdminAddress => new($"http://127.0.0.1:{_adminPort}");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Chat:ListenerQueueCapacity"] = "64",
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
        ["Chat:AdminKey"] = Key,
        ["Chat:ReplicaName"] = ReplicaName,
        ["Kestrel:Endpoints:admin:Url"] = AdminAddress.ToString(),
    };

    // The operator: a client with the key on the admin endpoint, for the life of the service.
    public ChatAdmin.ChatAdminClient Admin => _admin ??= AdminClientOn(_adminChannel = CreateAdminChannel());

    // The times the service shows users: its clock's, UTC, to the second.
    public string TimeIn(TimeSpan from) => (Clock.GetUtcNow() + from).UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public GrpcChannel CreateAdminChannel() =>
        GrpcChannel.ForAddress(AdminAddress, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler(), DisposeHttpClient = true });

    // The operator's client on a channel; key: the one it sends with every call (none when null).
    public static ChatAdmin.ChatAdminClient AdminClientOn(GrpcChannel channel, string? key = Key) =>
        new(key is null ? channel.CreateCallInvoker() : channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add(ChatMetadata.AdminKeyHeader, key);
            return headers;
        }));

    public override async ValueTask DisposeAsync()
    {
        _adminChannel?.Dispose();
        await base.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
