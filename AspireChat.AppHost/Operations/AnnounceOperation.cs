using AspireChat.Protocol.Admin;
using Grpc.Core;

namespace AspireChat.AppHost.Operations;

// A notice to everybody, from the room rather than a user.
internal sealed class AnnounceOperation : IChatOperation
{
    private const string Text = "text";

    // The rule for chat messages; the service says why when a text breaks it.
    private const int MaxTextLength = 4096;

    public string Name => "announce";

    public string DisplayName => "Announce";

    public CommandOptions Options => new()
    {
        Description = "Tell everybody in the room something: clients show it as a notice from the room.",
        IconName = "Megaphone",
        Arguments =
        [
            new InteractionInput
            {
                Name = Text,
                Label = "Announcement",
                Description = "Shown to every user, whatever they listen to.",
                InputType = InputType.Text,
                Required = true,
                MaxLength = MaxTextLength,
            },
        ],
    };

    public async Task<ExecuteCommandResult> ExecuteAsync(ChatAdmin.ChatAdminClient admin, InteractionInputCollection arguments, CallOptions call)
    {
        var announced = await admin.AnnounceAsync(new AnnounceRequest { Text = arguments.Text(Text) }, call);
        return CommandResults.Success($"Announced to the room as #{announced.Sequence}.");
    }
}
