namespace AspireChat.Client.Messaging;

/// <summary>The answer to <see cref="ChatClient.SendAsync"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">The service's explanation, fit to show a person.</param>
/// <param name="Sequence">The message's number in the service's order when sent; otherwise 0.</param>
public sealed record SendResult(SendOutcome Outcome, string Message, long Sequence)
{
    /// <summary>Whether the message was sent.</summary>
    public bool IsSent => Outcome == SendOutcome.Sent;
}
