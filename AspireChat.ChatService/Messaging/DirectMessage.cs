namespace AspireChat.ChatService.Messaging;

// "@bob hi" is a direct message to bob: '@', a name, then whitespace. Anything else is a broadcast.
public static class DirectMessage
{
    public static bool TryParse(string text, out string recipient, out string body)
    {
        recipient = "";
        body = "";
        if (text.Length < 2 || text[0] != '@')
        {
            return false;
        }

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        if (end == 1 || end == text.Length)
        {
            return false;
        }

        recipient = text[1..end];
        body = text[end..].Trim();
        return true;
    }
}
