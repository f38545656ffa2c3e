namespace AspireChat.ChatService.Model;

public enum MessageKind
{
    Chat,
    Joined,
    Left,
}
