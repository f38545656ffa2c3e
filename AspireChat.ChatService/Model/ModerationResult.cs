namespace AspireChat.ChatService.Model;

// What became of an operator's request: Message says why when it was refused. Username is the
// name as the room holds it; Until when its hold or mute ends; Announcement the notice as numbered;
// WasMuted whether an unmute changed anything.
public sealed record ModerationResult(
    ModerationOutcome Outcome,
    string Message,
    string? Username = null,
    DateTimeOffset? Until = null,
    ChatMessage? Announcement = null,
    bool WasMuted = false);
