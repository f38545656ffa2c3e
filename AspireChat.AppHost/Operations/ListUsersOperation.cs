using AspireChat.Protocol.Admin;
using Grpc.Core;

namespace AspireChat.AppHost.Operations;

// Who is online, as a table the dashboard shows at once.
internal sealed class ListUsersOperation(TimeProvider time) : IChatOperation
{
    // Names in the result's message; the table has them all.
    private const int NamesInMessage = 10;

    public string Name => "list-users";

    public string DisplayName => "List users";

    public CommandOptions Options => new()
    {
        Description = "Who is online: for how long, their streams, the replicas that hold them, and whether they are muted.",
        IconName = "People",
    };

    public async Task<ExecuteCommandResult> ExecuteAsync(ChatAdmin.ChatAdminClient admin, InteractionInputCollection arguments, CallOptions call)
    {
        var online = await admin.ListOnlineAsync(new ListOnlineRequest(), call);
        if (online.Users.Count == 0)
        {
            return CommandResults.Success("Nobody is online.");
        }
        var names = online.Users.Select(user => user.Username).ToList();
        var message = $"{names.Count} online: {string.Join(", ", names.Take(NamesInMessage))}{(names.Count > NamesInMessage ? ", …" : "")}";
        return CommandResults.Success(message, OnlineUsersTable.Markdown(online.Users, time.GetUtcNow()), CommandResultFormat.Markdown, displayImmediately: true);
    }
}
