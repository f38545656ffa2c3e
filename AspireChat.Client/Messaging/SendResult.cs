namespace AspireChat.Client.Messaging;

public sealed record SendResult(SendOutcome Outcome, string Message, long Sequence)
{
    public bool IsSent => Outcome == SendOutcome.Sent;
}
