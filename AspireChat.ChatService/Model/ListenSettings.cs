namespace AspireChat.ChatService.Model;

// What a listener asked for: presence notices, a resume point (in an epoch), or recent history.
public sealed record ListenSettings(bool IncludePresence = false, long? ResumeAfter = null, int History = 0, string? ResumeEpoch = null);
