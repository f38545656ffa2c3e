namespace AspireChat.Client.Messaging;

public enum RegistrationOutcome
{
    Added,
    Taken,
    InvalidUsername,
}
