namespace AspireChat.AppHost.Operations;

internal static class LoopbackEndpointExtensions
{
    // Run locally, Aspire binds an endpoint that is not in the project's Kestrel configuration to
    // every interface (Kestrel__Endpoints__<name>__Url = http://*:port); this one is for this
    // machine alone, as the configured ones are (localhost), where Aspire's proxy reaches it.
    // A published app keeps Aspire's binding: in a container, loopback is out of reach.
    public static IResourceBuilder<ProjectResource> WithLoopbackKestrelEndpoint(this IResourceBuilder<ProjectResource> project, string endpointName)
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
