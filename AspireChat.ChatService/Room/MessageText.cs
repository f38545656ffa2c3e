using System.Text;
using AspireChat.ChatService.Configuration;

namespace AspireChat.ChatService.Room;

// What a message's text may be: some text, no control characters, at most MaxMessageLength
// characters (Unicode scalar values).
public sealed class MessageText(ChatOptions options)
{
    // More UTF-16 units than twice the limit: too many characters, whatever they are, so it is
    // refused without being read.
    public bool IsFarTooLong(string text) => text.Length > options.MaxMessageLength * 2;

    // Null when the text may be sent; otherwise the reason it may not.
    public string? Check(string text)
    {
        if (IsFarTooLong(text))
        {
            return $"A message has at most {options.MaxMessageLength} characters; this one has more than {options.MaxMessageLength * 2}.";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return "A message needs some text.";
        }

        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            length++;
            // Control characters could drive the receivers' terminals; tabs and newlines are text.
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\t'))
            {
                return "A message cannot contain control characters.";
            }
        }
        return length > options.MaxMessageLength
            ? $"A message has at most {options.MaxMessageLength} characters; this one has {length}."
            : null;
    }
}
