using AspireChat.Protocol.Admin;
using Grpc.Core;

namespace AspireChat.AppHost.Operations;

// Lets a muted user send again.
internal sealed class UnmuteOperation(OnlineNames onlineNames) : IChatOperation
{
    public string Name => "unmute";

    public string DisplayName => "Unmute user";

    public CommandOptions Options => new()
    {
        Description = "Let a muted user send again.",
        IconName = "Mic",
        Arguments = [OperationInputs.UsernameInput("The muted user.", onlineNames)],
    };

    public async Task<ExecuteCommandResult> ExecuteAsync(ChatAdmin.ChatAdminClient admin, InteractionInputCollection arguments, CallOptions call)
    {
        var unmuted = await admin.UnmuteAsync(new UnmuteRequest { Username = arguments.Text(OperationInputs.Username) }, call);
        return CommandResults.Success(unmuted.WasMuted ? $"Unmuted {unmuted.Username}: they can send again." : $"{unmuted.Username} was not muted.");
    }
}
