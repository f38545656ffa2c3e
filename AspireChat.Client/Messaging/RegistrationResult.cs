namespace AspireChat.Client.Messaging;

/// <summary>The answer to <see cref="ChatClient.RegisterAsync"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">The service's explanation, fit to show a person.</param>
/// <param name="Username">The name as the service stored it, when added; otherwise null.</param>
public sealed record RegistrationResult(RegistrationOutcome Outcome, string Message, string? Username = null);
