namespace AspireChat.Client.Messaging;

/// <summary>What a listener asks for besides the messages sent from now on.</summary>
/// <param name="IncludePresence">Whether to receive Joined and Left notices.</param>
/// <param name="History">
/// How many recent messages to receive first, on the first connect. Reconnects resume after the
/// last message seen instead (and ask for the history again if none had arrived yet).
/// </param>
public sealed record ListenOptions(bool IncludePresence = false, int History = 0);
