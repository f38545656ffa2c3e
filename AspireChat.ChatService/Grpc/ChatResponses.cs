using AspireChat.ChatService.Model;
using AspireChat.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace AspireChat.ChatService.Grpc;

// The room's answers to AddUser and SendMessage as the wire contract's MessageResponse: ordinary
// user mistakes are answered there, with a code, rather than as an error status.
internal static class ChatResponses
{
    public static MessageResponse From(AddUserResult result) => new()
    {
        Msg = result.Message,
        Code = result.Outcome switch
        {
            AddUserOutcome.Added => MessageResponse.Types.Code.Added,
            AddUserOutcome.Taken => MessageResponse.Types.Code.Taken,
            AddUserOutcome.RateLimited => MessageResponse.Types.Code.RateLimited,
            _ => MessageResponse.Types.Code.InvalidUsername,
        },
        SessionToken = result.User?.SessionToken ?? "",
        Username = result.User?.Name ?? "",
    };

    public static MessageResponse From(SendResult result)
    {
        var response = new MessageResponse
        {
            Msg = result.Message,
            Code = result.Outcome switch
            {
                SendOutcome.Sent => MessageResponse.Types.Code.Sent,
                SendOutcome.UnknownRecipient => MessageResponse.Types.Code.UnknownRecipient,
                SendOutcome.RateLimited => MessageResponse.Types.Code.RateLimited,
                SendOutcome.Muted => MessageResponse.Types.Code.Muted,
                _ => MessageResponse.Types.Code.InvalidMessage,
            },
        };
        if (result.Accepted is { } accepted)
        {
            response.Sequence = (ulong)accepted.Sequence;
            response.Timestamp = Timestamp.FromDateTimeOffset(accepted.Timestamp);
        }
        return response;
    }
}
