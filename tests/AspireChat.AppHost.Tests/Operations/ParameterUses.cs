using Aspire.Hosting.Testing;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests.Operations;

// Where the app model gives a parameter: the resources and the variables whose value is the
// parameter itself or an expression over it.
internal static class ParameterUses
{
    public static async Task<IReadOnlyDictionary<string, string>> WhereGivenAsync(IDistributedApplicationTestingBuilder appHost, ParameterResource parameter)
    {
        var given = new Dictionary<string, string>();
        foreach (var resource in appHost.Resources.OfType<IResourceWithEnvironment>())
        {
            foreach (var variable in (await EnvironmentOfAsync(resource)).Where(v => v.Value == parameter || v.Value is ReferenceExpression expression && expression.ValueProviders.Contains(parameter)))
            {
                given[resource.Name] = variable.Key;
            }
        }
        return given;
    }

    // A resource's environment as the app model describes it (values unresolved).
    public static async Task<IReadOnlyDictionary<string, object>> EnvironmentOfAsync(IResource resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource, []);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context).DefaultTimeout();
        }
        return context.EnvironmentVariables;
    }
}
