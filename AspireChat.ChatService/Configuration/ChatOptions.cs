using System.ComponentModel.DataAnnotations;

namespace AspireChat.ChatService.Configuration;

// Bound from the "Chat" configuration section and validated when the service starts.
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    // The chat rules allow 1 to 4,096 characters; a deployment may allow fewer.
    [Range(1, 4096)]
    public int MaxMessageLength { get; set; } = 4096;

    // Messages kept for resume and history replay.
    [Range(1, 1_000_000)]
    public int HistorySize { get; set; } = 1000;

    // Messages queued for one Listen stream before it counts as too slow and is dropped.
    [Range(1, 1_000_000)]
    public int ListenerQueueCapacity { get; set; } = 1000;

    // How long a dropped listener's client may take to read what was already sent and learn why
    // it was dropped (RESOURCE_EXHAUSTED); a client still stalled after it is cut off.
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StalledListenerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 1000)]
    public int MaxStreamsPerUser { get; set; } = 8;

    // How long a username stays taken after its last Listen stream ends, so a client can
    // reconnect and resume.
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReconnectGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    // How often expired users are removed and, in a shared room, listening users' names renewed:
    // a quarter of the grace period, within 50 ms and 5 s.
    public TimeSpan SweepInterval => TimeSpan.FromTicks(Math.Clamp(ReconnectGracePeriod.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(5).Ticks));

    // Per-user token bucket: a sustained rate and a burst.
    [Range(1, 1_000_000)]
    public int MessagesPerSecond { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int MessageBurst { get; set; } = 20;

    // HTTP/2 keepalive: after this long without a frame from a client, the service pings it ...
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(20);

    // ... and closes the connection if the ping is not answered within this, ending its streams
    // as if the client had closed it (a vanished client must not hold its streams and name).
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    // Per connection and per remote address, whatever names are used on them, so one client
    // cannot register or send without bound by taking many names. A workshop client registers
    // once and retries only when its name is taken; a classroom behind one NAT address shares the
    // address limits, so they are wider.
    [Range(1, 1_000_000)]
    public int RegistrationsPerConnectionPerMinute { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int RegistrationBurstPerConnection { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int RegistrationsPerAddressPerMinute { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int RegistrationBurstPerAddress { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int MessagesPerSecondPerConnection { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int MessageBurstPerConnection { get; set; } = 40;

    [Range(1, 1_000_000)]
    public int MessagesPerSecondPerAddress { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int MessageBurstPerAddress { get; set; } = 200;

    // What one remote address may hold at once, whatever names and connections it uses: open
    // connections to the gRPC endpoint, users registered and not yet expired, and open Listen
    // streams. A classroom behind one NAT address shares them, so they are wide; a flood from
    // one address stops at them. An IPv6 address counts as its Ipv6PrefixLength prefix (one
    // host usually has a whole /64 to pick addresses from).
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int MaxUsersPerAddress { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int MaxStreamsPerAddress { get; set; } = 200;

    [Range(1, 128)]
    public int Ipv6PrefixLength { get; set; } = 64;

    // ListUsers per address (a token bucket): it lists every name, so it is not free to ask.
    [Range(1, 1_000_000)]
    public int ListUsersPerSecondPerAddress { get; set; } = 5;

    [Range(1, 1_000_000)]
    public int ListUsersBurstPerAddress { get; set; } = 20;

    // Connections to the service in all (Kestrel's MaxConcurrentConnections): the bound on
    // descriptors and memory when many addresses connect.
    [Range(1, 10_000_000)]
    public int MaxConnections { get; set; } = 10_000;

    // A connection with no request open (Kestrel's KeepAliveTimeout) is closed after this: one
    // that never sends its HTTP/2 preface, or any request, is let go within seconds. A client with
    // a Listen stream open always has a request open.
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // A unary call (AddUser, SendMessage, ListUsers) whose request message has not arrived whole
    // within this is reset: a body that stalls before its last byte would otherwise hold its
    // buffer for as long as Kestrel's data rate check lets its earlier bytes count.
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestBodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // HTTP/2 receive windows, in bytes: what a client may send before the service has read it, per
    // stream and per connection. A request message is at most 64 KiB (and a 5-byte gRPC prefix),
    // and must fit in the stream window, since it is read whole; Kestrel's defaults (768 KiB and
    // 1 MiB) would let each connection make the service buffer a megabyte.
    [Range(MaxRequestMessageBytes + 5, 16 * 1024 * 1024)]
    public int Http2StreamWindowSize { get; set; } = 96 * 1024;

    [Range(MaxRequestMessageBytes + 5, 16 * 1024 * 1024)]
    public int Http2ConnectionWindowSize { get; set; } = 128 * 1024;

    // Requests open at once on one connection (Kestrel's default); more Listen streams take more
    // connections.
    [Range(1, 10_000)]
    public int MaxStreamsPerConnection { get; set; } = 100;

    // The largest request message gRPC reads; larger ones are refused with RESOURCE_EXHAUSTED
    // before they are read. A chat message is at most 4,096 characters.
    public const int MaxRequestMessageBytes = 64 * 1024;

    // JOINED and LEFT notices, room-wide: a burst of joins reaches every listener as this many
    // notices and then this many a second; the rest are not sent (ListUsers is always exact).
    [Range(1, 1_000_000)]
    public int PresenceNoticesPerSecond { get; set; } = 5;

    [Range(1, 1_000_000)]
    public int PresenceNoticeBurst { get; set; } = 20;

    // The key (base64, at least 32 bytes) that signs session tokens, so they stay valid across a
    // restart. Pass it in configuration (Chat__TokenKey) wherever the service runs for real; when
    // it is not set, a development key is made once and kept in StateDirectory.
    public string? TokenKey { get; set; }

    // The shortest TokenKey accepted: HMAC-SHA256's own size.
    public const int MinimumTokenKeyBytes = 32;

    // The key a trusted front end (the web app) sends with every call it makes for a person, so
    // that the per-address limits count that person's address (chat-forwarded-for) rather than
    // the front end's. At least MinimumFrontEndKeyLength printable ASCII characters, no spaces (it
    // travels as a header). Unset: no front end is trusted, and a call naming another address is
    // refused.
    public string? FrontEndKey { get; set; }

    public const int MinimumFrontEndKeyLength = 32;

    // Where a service without a TokenKey keeps its development key, and where every service keeps
    // the names online for RestartHoldPeriod. One directory per service instance.
    [Required]
    public string StateDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } local ? local : Path.GetTempPath(),
        "AspireChat");

    // With a backplane (ConnectionStrings:redis): every key and the channel start with
    // "{<prefix>}:", so several rooms can share one Redis (the braces keep a room's keys in one
    // Redis Cluster slot, as its scripts need).
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string RedisKeyPrefix { get; set; } = "aspirechat";

    // This replica's name, as the operator's list of who is online shows it: by default the name
    // Aspire's dashboard shows for it, "<service name>-<service.instance.id>" (OTEL_SERVICE_NAME,
    // OTEL_RESOURCE_ATTRIBUTES: "chat-x7k2pqbn"), else "<machine>-<process id>".
    [Required, StringLength(MaxReplicaNameLength, MinimumLength = 1)]
    public string ReplicaName { get; set; } = DefaultReplicaName(Environment.GetEnvironmentVariable("OTEL_RESOURCE_ATTRIBUTES"), Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME"));

    public const int MaxReplicaNameLength = 128;

    // The key the operator's service (ChatAdmin) requires, as chat-admin-key metadata. At least
    // MinimumAdminKeyLength printable ASCII characters, no spaces. Unset: the admin API is off
    // (its endpoint is not bound).
    public string? AdminKey { get; set; }

    public const int MinimumAdminKeyLength = 16;

    // After a restart, the names that were online are held this long for their owners: only a
    // caller with the name's session token can take one (others are answered TAKEN). Zero: off.
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RestartHoldPeriod { get; set; } = TimeSpan.FromSeconds(30);

    // resourceAttributes: OTEL_RESOURCE_ATTRIBUTES, "key=value,key=value", values percent-encoded.
    public static string DefaultReplicaName(string? resourceAttributes, string? serviceName = null)
    {
        foreach (var attribute in (resourceAttributes ?? "").Split(','))
        {
            var separator = attribute.IndexOf('=');
            if (separator > 0 && attribute[..separator].Trim() == "service.instance.id" && Uri.UnescapeDataString(attribute[(separator + 1)..].Trim()) is { Length: > 0 and <= MaxReplicaNameLength } id)
            {
                var named = string.IsNullOrWhiteSpace(serviceName) || id.StartsWith($"{serviceName}-", StringComparison.Ordinal) ? id : $"{serviceName.Trim()}-{id}";
                return named.Length <= MaxReplicaNameLength ? named : id;
            }
        }
        return $"{Environment.MachineName}-{Environment.ProcessId}";
    }
}
