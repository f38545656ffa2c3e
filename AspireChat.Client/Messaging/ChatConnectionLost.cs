namespace AspireChat.Client.Messaging;

/// <summary>
/// The stream was lost, or could not be opened; the listener tries again after
/// <paramref name="RetryIn"/>. One event per attempt: a <see cref="ChatConnected"/> ends the outage.
/// </summary>
/// <param name="Reason">Why, in a few words ("Unavailable: ...", "the service ended the stream").</param>
/// <param name="Attempt">Which attempt of this outage failed, from 1.</param>
/// <param name="RetryIn">The delay before the next attempt.</param>
public sealed record ChatConnectionLost(string Reason, int Attempt, TimeSpan RetryIn) : ChatEvent;
