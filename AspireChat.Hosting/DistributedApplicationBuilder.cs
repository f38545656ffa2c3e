using System.Reflection;
using System.Security.Cryptography;
using AspireChat.Hosting.ApplicationModel;
using AspireChat.Hosting.Dashboard;
using AspireChat.Hosting.Logging;
using AspireChat.Hosting.Orchestration;
using AspireChat.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireChat.Hosting;

// The app model under construction, over a generic host: what DistributedApplication.CreateBuilder returns.
public sealed class DistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly List<Resource> _resources = [];
    private readonly Assembly? _appHost;
    private TestingHook? _testingHook;

    internal DistributedApplicationBuilder(string[] args)
    {
        _testingHook = TestingHook.Current;
        _appHost = _testingHook?.AppHost ?? Assembly.GetEntryAssembly();
        // Tests run the app as `dotnet run` would: in Development.
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, EnvironmentName = _testingHook is null ? null : Environments.Development });
        _testingHook?.Configure(this);
    }

    public IConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public IReadOnlyList<Resource> Resources => _resources;

    public ResourceBuilder<ProjectResource> AddProject<TProject>(string name) where TProject : IProjectMetadata, new() =>
        AddProject(name, new TProject());

    public ResourceBuilder<ProjectResource> AddProject(string name, IProjectMetadata project) => AddResource(new ProjectResource(name, project));

    public ResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The app already has a resource named '{resource.Name}'.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        // Under the testing builder the AppHost's entry point ends here: the test builds the app.
        if (_testingHook is { } hook)
        {
            _testingHook = null;
            hook.Capture(this);
            throw new HostAbortedException("The testing builder took over the app model.");
        }
        return BuildCore();
    }

    internal DistributedApplication BuildCore()
    {
        Validate();
        var settings = _host.Configuration.GetSection(AppHostOptions.SectionName).Get<AppHostOptions>() ?? new AppHostOptions();
        var dashboard = AddDashboard(settings);
        var taken = new HashSet<int>();
        var instances = AllocateInstances(settings.RandomizePorts, taken);
        if (dashboard.IsEnabled)
        {
            dashboard = dashboard with { ResourceServicePort = LocalPorts.Free(taken) };
        }

        _host.Services.AddOptions<AppHostOptions>()
            .BindConfiguration(AppHostOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxRestartDelay >= o.RestartDelay, "AppHost:MaxRestartDelay must not be shorter than AppHost:RestartDelay.")
            .ValidateOnStart();
        _host.Services.AddSingleton<IReadOnlyList<ResourceInstance>>(instances);
        _host.Services.AddSingleton(new ResourceNotificationService(instances));
        _host.Services.AddSingleton(sp => new ResourceLogService(sp.GetRequiredService<IOptions<AppHostOptions>>(), instances));
        _host.Services.AddSingleton<ProcessLauncher>();
        _host.Services.AddSingleton(dashboard);
        _host.Services.AddSingleton<ApplicationOrchestrator>();
        // Started in this order, stopped in reverse: the resource service outlives the resources.
        _host.Services.AddHostedService<ResourceServiceHost>();
        _host.Services.AddHostedService(sp => sp.GetRequiredService<ApplicationOrchestrator>());
        // Stopping waits for the resources, which have their own deadline (AppHost:StopTimeout).
        _host.Services.Configure<HostOptions>(o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan);

        var loginUrl = instances.FirstOrDefault(i => i.Resource.IsDashboard) is { } dashboardInstance ? DashboardSettings.LoginUrl(dashboardInstance, dashboard) : null;
        return new DistributedApplication(_host.Build(), instances, loginUrl);
    }

    // The dashboard, as Aspire's AppHost adds it: not in the app model the AppHost declares, but
    // started first, told about every resource, and the receiver of their telemetry.
    private DashboardSettings AddDashboard(AppHostOptions settings)
    {
        var project = _appHost?.GetCustomAttribute<DashboardProjectAttribute>();
        if (settings.DisableDashboard || project is null)
        {
            return DashboardSettings.Disabled;
        }
        var dashboard = new ProjectResource(DashboardSettings.ResourceName, (IProjectMetadata)Activator.CreateInstance(project.ProjectMetadata)!) { IsDashboard = true };
        foreach (var resource in _resources)
        {
            resource.Dashboard = dashboard;
        }
        AddResource(dashboard)
            .WithHttpEndpoint(port: 18888, name: "http")
            .WithEndpoint("otlpGrpc", port: 18889)
            .WithEndpoint("otlpHttp", port: 18890)
            .WithHttpHealthCheck("/health", "http");
        return new DashboardSettings(
            IsEnabled: true,
            BrowserToken: settings.DashboardBrowserToken ?? Secret(),
            OtlpApiKey: settings.OtlpApiKey ?? Secret(),
            ResourceServiceApiKey: Secret(),
            ResourceServicePort: 0);
    }

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private void Validate()
    {
        foreach (var resource in _resources)
        {
            foreach (var related in resource.References.Concat(resource.WaitsFor).Where(r => !_resources.Contains(r)))
            {
                throw new InvalidOperationException($"Resource '{resource.Name}' refers to '{related.Name}', which is not part of this app.");
            }
            if (resource.HealthCheck is { } check && !resource.Endpoints.Any(e => e.Name == check.EndpointName))
            {
                throw new InvalidOperationException($"The health check of '{resource.Name}' uses endpoint '{check.EndpointName}', which the resource does not have.");
            }
            ThrowOnCycle(resource, []);
        }
    }

    private static void ThrowOnCycle(Resource resource, List<Resource> path)
    {
        if (path.Contains(resource))
        {
            throw new InvalidOperationException($"Resources depend on each other in a cycle: {string.Join(" -> ", path.Append(resource))}.");
        }
        path.Add(resource);
        foreach (var next in resource.References.Concat(resource.WaitsFor).Distinct())
        {
            ThrowOnCycle(next, path);
        }
        path.RemoveAt(path.Count - 1);
    }

    private List<ResourceInstance> AllocateInstances(bool randomizePorts, HashSet<int> taken)
    {
        var instances = new List<ResourceInstance>();
        foreach (var resource in _resources)
        {
            for (var replica = 0; replica < resource.Replicas; replica++)
            {
                var endpoints = new List<AllocatedEndpoint>();
                foreach (var endpoint in resource.Endpoints)
                {
                    int port;
                    if (endpoint.Port is { } fixedPort && !randomizePorts)
                    {
                        if (resource.Replicas > 1)
                        {
                            throw new InvalidOperationException($"Resource '{resource.Name}' has {resource.Replicas} replicas, so its endpoint '{endpoint.Name}' cannot have the fixed port {fixedPort}: each replica needs its own port. Leave the port out.");
                        }
                        if (!taken.Add(fixedPort))
                        {
                            throw new InvalidOperationException($"Port {fixedPort} of '{resource.Name}' ({endpoint.Name}) is already given to another endpoint.");
                        }
                        port = fixedPort;
                    }
                    else
                    {
                        port = LocalPorts.Free(taken);
                    }
                    endpoints.Add(new AllocatedEndpoint(endpoint.Name, endpoint.Scheme, port));
                }
                var name = resource.Replicas == 1 ? resource.Name : $"{resource.Name}-{replica}";
                var instanceId = $"{resource.Name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
                instances.Add(new ResourceInstance(resource, name, instanceId, replica, endpoints));
            }
        }
        return instances;
    }
}
