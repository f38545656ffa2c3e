using AspireChat.Protocol.Admin;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AspireChat.AppHost.Operations;

// Refuses a user's messages, with the reason, for a period.
internal sealed class MuteOperation(OnlineNames onlineNames) : IChatOperation
{
    public string Name => "mute";

    public string DisplayName => "Mute user";

    public CommandOptions Options => new()
    {
        Description = "Refuse a user's messages for a while; each refusal tells them why.",
        IconName = "MicOff",
        Arguments =
        [
            OperationInputs.UsernameInput("The user to mute: their name as the room shows it.", onlineNames),
            OperationInputs.MinutesInput("Minutes"),
            OperationInputs.ReasonInput("Shown to the user with every refused message."),
        ],
        ValidateArguments = OperationInputs.ValidateMinutesAsync,
    };

    public async Task<ExecuteCommandResult> ExecuteAsync(ChatAdmin.ChatAdminClient admin, InteractionInputCollection arguments, CallOptions call)
    {
        var muted = await admin.MuteAsync(
            new MuteRequest
            {
                Username = arguments.Text(OperationInputs.Username),
                Reason = arguments.Text(OperationInputs.Reason),
                Duration = Duration.FromTimeSpan(arguments.Period()),
            },
            call);
        return CommandResults.Success($"Muted {muted.Username} until {OperatorText.Time(muted.MutedUntil)}.");
    }
}
