namespace AspireChat.Client.Messaging;

// Presence notices, and recent history on the first connect; reconnects resume after the last
// message seen (and ask for the history again if none had arrived yet).
public sealed record ListenOptions(bool IncludePresence = false, int History = 0);
