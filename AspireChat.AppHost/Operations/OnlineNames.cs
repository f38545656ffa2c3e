using AspireChat.Protocol.Admin;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AspireChat.AppHost.Operations;

// The choices of a command's username input: who is online when the dashboard opens the dialog,
// so that the operator picks a name rather than types it. A name can still be typed (a user
// who has just left, say), and is when chat does not answer.
internal sealed class OnlineNames(string chat)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public InputLoadOptions Loading => new() { LoadCallback = LoadAsync, AlwaysLoadOnStart = true };

    private async Task LoadAsync(LoadInputContext context)
    {
        try
        {
            var admin = await context.Services.GetRequiredKeyedService<ChatAdminClientFactory>(chat).CreateClientAsync(context.CancellationToken);
            var online = await admin.ListOnlineAsync(new ListOnlineRequest(), deadline: DateTime.UtcNow + s_timeout, cancellationToken: context.CancellationToken);
            context.Input.Options = [.. online.Users.Select(user => KeyValuePair.Create(user.Username, user.Username))];
        }
        catch (RpcException)
        {
            context.Input.Options = [];
        }
    }
}
