namespace AspireChat.Client.Messaging;

/// <summary>A user who is online.</summary>
/// <param name="Username">The name as the service stored it.</param>
/// <param name="OnlineSince">When the user registered.</param>
/// <param name="Listeners">How many Listen streams the user has open.</param>
public sealed record OnlineUser(string Username, DateTimeOffset OnlineSince, int Listeners);
