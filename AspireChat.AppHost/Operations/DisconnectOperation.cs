using AspireChat.Protocol.Admin;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AspireChat.AppHost.Operations;

// Ends a user's streams and session, tells them why, and holds the name for a period.
internal sealed class DisconnectOperation(OnlineNames onlineNames) : IChatOperation
{
    public string Name => "disconnect";

    public string DisplayName => "Disconnect user";

    public CommandOptions Options => new()
    {
        Description = "End a user's session and streams, tell them why, and keep the name from everybody for a while.",
        IconName = "PersonProhibited",
        ConfirmationMessage = "Disconnect a user from the room? Their session ends and nobody can take the name until the hold is over.",
        Arguments =
        [
            OperationInputs.UsernameInput("The user to disconnect: their name as the room shows it.", onlineNames),
            OperationInputs.ReasonInput("Shown to the user as their connection ends."),
            OperationInputs.MinutesInput("Hold the name for (minutes)"),
        ],
        ValidateArguments = OperationInputs.ValidateMinutesAsync,
    };

    public async Task<ExecuteCommandResult> ExecuteAsync(ChatAdmin.ChatAdminClient admin, InteractionInputCollection arguments, CallOptions call)
    {
        var disconnected = await admin.DisconnectAsync(
            new DisconnectRequest
            {
                Username = arguments.Text(OperationInputs.Username),
                Reason = arguments.Text(OperationInputs.Reason),
                HoldFor = Duration.FromTimeSpan(arguments.Period()),
            },
            call);
        return CommandResults.Success($"Disconnected {disconnected.Username}; the name is held until {OperatorText.Time(disconnected.HeldUntil)}.");
    }
}
