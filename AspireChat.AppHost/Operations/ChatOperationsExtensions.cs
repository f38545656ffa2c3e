using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireChat.AppHost.Operations;

// The operator's commands on the chat resource (the dashboard's control room): each calls chat's
// admin API on its admin endpoint with the admin key, and says what it did or why it could not.
internal static class ChatOperationsExtensions
{
    // Long enough for Redis's round trips in a scale-out, short enough for a person waiting.
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(10);

    public static IResourceBuilder<ProjectResource> WithChatOperations(this IResourceBuilder<ProjectResource> chat, IResourceBuilder<ParameterResource> adminKey)
    {
        var adminEndpoint = chat.GetEndpoint("admin");
        // Made by the app's services, so that it is disposed with the app.
        chat.ApplicationBuilder.Services.AddKeyedSingleton(chat.Resource.Name, (_, _) => new ChatAdminClientFactory(adminEndpoint, adminKey.Resource));
        var onlineNames = new OnlineNames(chat.Resource.Name);
        IChatOperation[] operations =
        [
            new AnnounceOperation(),
            new ListUsersOperation(TimeProvider.System),
            new MuteOperation(onlineNames),
            new UnmuteOperation(onlineNames),
            new DisconnectOperation(onlineNames),
        ];
        foreach (var operation in operations)
        {
            var options = operation.Options;
            options.UpdateState = EnabledWhileHealthy;
            chat.WithCommand(operation.Name, operation.DisplayName, context => ExecuteAsync(operation, chat.Resource.Name, context), options);
        }
        return chat;
    }

    // Only a healthy chat has an admin API to answer.
    private static ResourceCommandState EnabledWhileHealthy(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    // Every RPC error becomes a failed result that says why: the dashboard shows it to the
    // operator, where an exception would show as a crash of the command.
    private static async Task<ExecuteCommandResult> ExecuteAsync(IChatOperation operation, string chat, ExecuteCommandContext context)
    {
        var clients = context.Services.GetRequiredKeyedService<ChatAdminClientFactory>(chat);
        try
        {
            var admin = await clients.CreateClientAsync(context.CancellationToken);
            var call = new CallOptions(deadline: DateTime.UtcNow + s_callTimeout, cancellationToken: context.CancellationToken);
            return await operation.ExecuteAsync(admin, context.Arguments, call);
        }
        catch (RpcException failed) when (!context.CancellationToken.IsCancellationRequested)
        {
            return CommandResults.Failure(Describe(failed.Status));
        }
    }

    // The service's own words for what the operator asked wrong (an unknown user, a bad input);
    // otherwise what went wrong on the way, with gRPC's code.
    private static string Describe(Status status) => status.StatusCode switch
    {
        StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.FailedPrecondition => status.Detail,
        StatusCode.DeadlineExceeded => $"chat did not answer within {s_callTimeout.TotalSeconds:0} s.",
        _ => $"chat's admin API refused or failed the call ({status.StatusCode}): {status.Detail}",
    };
}
