namespace AspireChat.ChatService.Model;

// The operator has muted a user until a time, for a reason the user is shown.
public sealed record Mute(DateTimeOffset Until, string Reason);
