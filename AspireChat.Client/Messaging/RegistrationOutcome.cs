namespace AspireChat.Client.Messaging;

public enum RegistrationOutcome
{
    Added,
    Taken,
    InvalidUsername,
    // Too many registrations from this connection or address for now: try again later.
    RateLimited,
}
