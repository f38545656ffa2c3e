using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AspireChat.Hosting.Testing;

// Runs an AppHost's real app model in a test, as Aspire.Hosting.Testing does: the AppHost's own
// entry point declares the resources; the test then builds, starts, inspects and disposes it.
// Fixed ports become free ones, resource output is not echoed and there is no dashboard unless
// the test asks for one (--AppHost:DisableDashboard=false), so tests run beside a developer's AppHost.
public sealed class DistributedApplicationTestingBuilder
{
    private readonly DistributedApplicationBuilder _builder;

    private DistributedApplicationTestingBuilder(DistributedApplicationBuilder builder) => _builder = builder;

    public IConfigurationManager Configuration => _builder.Configuration;

    public DistributedApplicationBuilder Builder => _builder;

    public static async Task<DistributedApplicationTestingBuilder> CreateAsync<TAppHost>(string[]? args = null, CancellationToken cancellationToken = default) where TAppHost : IProjectMetadata, new()
    {
        var appHost = new TAppHost();
        var assembly = Assembly.Load(AssemblyName.GetAssemblyName(appHost.TargetPath));
        var entryPoint = assembly.EntryPoint ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point.");

        var hook = new TestingHook(assembly, builder =>
        {
            // Defaults for tests; the test's own arguments win.
            var defaults = new Dictionary<string, string?>
            {
                [$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.RandomizePorts)}"] = "true",
                [$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.EchoResourceLogs)}"] = "false",
                [$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.DisableDashboard)}"] = "true",
            };
            builder.Configuration.AddInMemoryCollection(defaults.Where(d => builder.Configuration[d.Key] is null));
        });
        await Task.Run(async () =>
        {
            TestingHook.Current = hook;
            try
            {
                var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args ?? []]);
                if (result is Task task)
                {
                    await task;
                }
            }
            catch (Exception ex) when (ex is HostAbortedException || ex.InnerException is HostAbortedException)
            {
                // The entry point reached Build(): the hook holds the builder.
            }
        }, cancellationToken);

        return new DistributedApplicationTestingBuilder(hook.Builder
            ?? throw new InvalidOperationException($"The entry point of {assembly.GetName().Name} returned without building a distributed application."));
    }

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_builder.BuildCore());
}
