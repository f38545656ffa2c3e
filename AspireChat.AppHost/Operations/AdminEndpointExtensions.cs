namespace AspireChat.AppHost.Operations;

internal static class AdminEndpointExtensions
{
    // chat's admin API, h2c like grpc, on any free port: not in chat's appsettings.json, so
    // declared here (Aspire gives chat its Kestrel__Endpoints__admin__Url). Never external, and
    // left out of what WithReference tells the bots and web: only the dashboard's commands call it.
    public static IResourceBuilder<ProjectResource> WithAdminEndpoint(this IResourceBuilder<ProjectResource> chat) => chat
        .WithEndpoint("admin", admin =>
        {
            admin.UriScheme = "http";
            admin.Transport = "http2";
            admin.Port = null;
            admin.IsExternal = false;
            admin.ExcludeReferenceEndpoint = true;
        }, createIfNotExists: true)
        .WithLoopbackKestrelEndpoint("admin")
        .WithUrlForEndpoint("admin", url =>
        {
            url.DisplayText = "Admin API (h2c, admin key): for the commands";
            url.DisplayLocation = UrlDisplayLocation.DetailsOnly;
        });

    // Run locally, Aspire binds an endpoint that is not in the project's Kestrel configuration to
    // every interface (Kestrel__Endpoints__<name>__Url = http://*:port); this one is for this
    // machine alone, as the configured ones are (localhost), where Aspire's proxy reaches it.
    // A published app keeps Aspire's binding: in a container, loopback is out of reach.
    private static IResourceBuilder<ProjectResource> WithLoopbackKestrelEndpoint(this IResourceBuilder<ProjectResource> project, string endpointName)
    {
        var endpoint = project.GetEndpoint(endpointName);
        return project.WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables[$"Kestrel__Endpoints__{endpointName}__Url"] =
                    ReferenceExpression.Create($"{endpoint.EndpointAnnotation.UriScheme}://localhost:{endpoint.Property(EndpointProperty.TargetPort)}");
            }
        });
    }
}
