using System.Reflection;

namespace AspireChat.Hosting.Testing;

// Set while the testing builder runs an AppHost's entry point: the builder the entry point
// creates is configured for tests and handed over instead of being built and run.
internal sealed class TestingHook(Assembly appHost, Action<DistributedApplicationBuilder> configure)
{
    private static readonly AsyncLocal<TestingHook?> s_current = new();

    public static TestingHook? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public Assembly AppHost => appHost;

    public DistributedApplicationBuilder? Builder { get; private set; }

    public void Configure(DistributedApplicationBuilder builder) => configure(builder);

    public void Capture(DistributedApplicationBuilder builder) => Builder = builder;
}
