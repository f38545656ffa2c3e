namespace AspireChat.Client.Messaging;

public enum ChatMessageKind
{
    Chat,
    Joined,
    Left,
}
