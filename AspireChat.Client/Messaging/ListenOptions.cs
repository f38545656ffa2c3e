namespace AspireChat.Client.Messaging;

// Presence notices and recent history on the first connect; reconnects always resume.
public sealed record ListenOptions(bool IncludePresence = false, int History = 0);
