namespace AspireChat.Client.Messaging;

// Message is the service's explanation, fit to show a person.
public sealed record RegistrationResult(RegistrationOutcome Outcome, string Message, string? Username = null);
