namespace AspireChat.ChatService.Model;

public enum ModerationOutcome
{
    Done,
    // The operator's request breaks a rule (ModerationResult.Message says which): INVALID_ARGUMENT.
    Invalid,
    // Nobody of that name is online: NOT_FOUND.
    NotFound,
}
