using System.Text;
using AspireChat.Hosting.Dashboard;
using Microsoft.Extensions.Hosting;

namespace AspireChat.Hosting.Orchestration;

// The environment Aspire gives a resource (DESIGN.md, "Aspire contracts"): its endpoints, the
// endpoints of what it references, its OpenTelemetry identity and exporter, console settings.
internal static class ResourceEnvironment
{
    public static Dictionary<string, string> For(ResourceInstance instance, IReadOnlyList<ResourceInstance> all, IHostEnvironment host, string? otlpEndpoint, string? otlpApiKey)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_ENVIRONMENT"] = host.EnvironmentName,
            ["ASPNETCORE_ENVIRONMENT"] = host.EnvironmentName,
            ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true",
            ["LOGGING__CONSOLE__FORMATTERNAME"] = "simple",
            ["OTEL_SERVICE_NAME"] = instance.Resource.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instance.InstanceId}",
        };

        instance.Resource.AddEndpointEnvironment(environment, instance.Endpoints);

        foreach (var reference in instance.Resource.References)
        {
            var replicas = all.Where(i => i.Resource == reference).OrderBy(i => i.ReplicaIndex).ToList();
            foreach (var endpoint in reference.Endpoints)
            {
                var urls = replicas.Select(r => r.Endpoints.Single(e => e.Name == endpoint.Name).Url.GetLeftPart(UriPartial.Authority)).ToList();
                for (var n = 0; n < urls.Count; n++)
                {
                    environment[$"services__{reference.Name}__{endpoint.Name}__{n}"] = urls[n];
                }
                environment[$"{EnvironmentName(reference.Name)}_{EnvironmentName(endpoint.Name)}"] = urls[0];
            }
        }

        if (!string.IsNullOrEmpty(otlpEndpoint))
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
            if (!string.IsNullOrEmpty(otlpApiKey))
            {
                environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={otlpApiKey}";
            }
            if (host.IsDevelopment())
            {
                // Telemetry shows up within a second while developing, as under Aspire.
                environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
                environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
                environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
                environment["OTEL_TRACES_SAMPLER"] = "always_on";
            }
        }

        foreach (var (name, value) in instance.Resource.Environment)
        {
            environment[name] = value;
        }
        return environment;
    }

    // The dashboard's own: its login token, the OTLP key exporters must send, and the AppHost's
    // resource service, under the names the Aspire dashboard reads.
    public static Dictionary<string, string> ForDashboard(ResourceInstance instance, IReadOnlyList<ResourceInstance> all, IHostEnvironment host, DashboardSettings settings)
    {
        var environment = For(instance, all, host, otlpEndpoint: null, otlpApiKey: null);
        environment["Dashboard__Frontend__AuthMode"] = "BrowserToken";
        environment["Dashboard__Frontend__BrowserToken"] = settings.BrowserToken;
        environment["Dashboard__Otlp__AuthMode"] = "ApiKey";
        environment["Dashboard__Otlp__PrimaryApiKey"] = settings.OtlpApiKey;
        environment["DOTNET_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{settings.ResourceServicePort}";
        environment["Dashboard__ResourceServiceClient__ApiKey"] = settings.ResourceServiceApiKey;
        return environment;
    }

    // CHAT_GRPC from chat and grpc: upper case, anything but letters and digits becomes '_'.
    private static string EnvironmentName(string name)
    {
        var result = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return result.ToString();
    }
}
