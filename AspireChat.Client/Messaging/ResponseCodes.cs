using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.Client.Messaging;

// The service's answer codes as the client's outcomes; a refusal this client does not know reads
// as the nearest one it does.
internal static class ResponseCodes
{
    public static RegistrationOutcome ToRegistrationOutcome(this Code code) => code switch
    {
        Code.Added => RegistrationOutcome.Added,
        Code.Taken => RegistrationOutcome.Taken,
        Code.RateLimited => RegistrationOutcome.RateLimited,
        _ => RegistrationOutcome.InvalidUsername,
    };

    public static SendOutcome ToSendOutcome(this Code code) => code switch
    {
        Code.Sent => SendOutcome.Sent,
        Code.UnknownRecipient => SendOutcome.UnknownRecipient,
        Code.RateLimited => SendOutcome.RateLimited,
        Code.Muted => SendOutcome.Muted,
        _ => SendOutcome.InvalidMessage,
    };
}
