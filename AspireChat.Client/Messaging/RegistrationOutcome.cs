namespace AspireChat.Client.Messaging;

/// <summary>How a registration ended.</summary>
public enum RegistrationOutcome
{
    /// <summary>Registered: the client holds the session.</summary>
    Added,

    /// <summary>Somebody else holds the name (or held it until moments ago: its grace period).</summary>
    Taken,

    /// <summary>The name breaks the username rules.</summary>
    InvalidUsername,

    /// <summary>Too many registrations from this connection or address for now: try again later.</summary>
    RateLimited,
}
