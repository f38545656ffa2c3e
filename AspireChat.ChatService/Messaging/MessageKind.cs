namespace AspireChat.ChatService.Messaging;

public enum MessageKind
{
    Chat,
    Joined,
    Left,
}
