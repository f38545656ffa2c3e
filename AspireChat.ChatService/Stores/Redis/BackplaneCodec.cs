using System.Buffers.Text;
using System.Text;
using AspireChat.ChatService.Wire;
using AspireChat.Protocol;
using Google.Protobuf;

namespace AspireChat.ChatService.Stores.Redis;

// A message on its way through Redis: the sender's replica writes the payload (its wire Message,
// ChatMessageProto.ToProto, before it has a sequence or a recipient), and the Publish script frames it as
// "<epoch> <sequence> <recipient id> <recipient name> <payload>" once it has numbered it. The
// channel carries a batch of such entries in one frame, each "<length> <entry>".
internal static class BackplaneCodec
{
    // Every entry of a frame, or none (FormatException): the log fills what a bad frame held.
    // knownEpoch: the room's epoch as this replica has it, shared rather than read again.
    public static List<BackplaneEntry> DecodeFrame(ReadOnlySpan<byte> frame, string? knownEpoch)
    {
        var entries = new List<BackplaneEntry>();
        while (!frame.IsEmpty)
        {
            var length = ReadNumber(ref frame);
            if (length <= 0 || length > frame.Length)
            {
                throw new FormatException("A backplane frame's entry is not as long as it says.");
            }
            entries.Add(Decode(frame[..(int)length], knownEpoch));
            frame = frame[(int)length..];
        }
        return entries;
    }

    public static BackplaneEntry Decode(ReadOnlySpan<byte> entry, string? knownEpoch = null)
    {
        var epochEnd = entry.IndexOf((byte)' ');
        if (epochEnd <= 0)
        {
            throw new FormatException("A backplane entry does not start with its epoch.");
        }
        var epoch = knownEpoch is not null && Ascii.Equals(entry[..epochEnd], knownEpoch) ? knownEpoch : Encoding.ASCII.GetString(entry[..epochEnd]);
        entry = entry[(epochEnd + 1)..];
        var sequence = ReadNumber(ref entry);
        var recipientId = ReadNumber(ref entry);
        var separator = entry.IndexOf((byte)' ');
        var recipientName = separator > 0 ? Encoding.UTF8.GetString(entry[..separator]) : null;
        var payload = Message.Parser.ParseFrom(entry[(separator + 1)..]);
        return new BackplaneEntry(epoch, ChatMessageProto.FromProto(payload, sequence, recipientId > 0 ? recipientId : null, recipientName));
    }

    // The entries of the shared log that were written by a replica of this room; any other is
    // passed over, so that catching up moves past it rather than stopping at it.
    public static IEnumerable<BackplaneEntry> DecodeAll(IEnumerable<StackExchange.Redis.StreamEntry> entries)
    {
        foreach (var entry in entries)
        {
            BackplaneEntry decoded;
            try
            {
                decoded = Decode((byte[])entry["e"]!);
            }
            catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException)
            {
                continue;
            }
            yield return decoded;
        }
    }

    private static long ReadNumber(ref ReadOnlySpan<byte> entry)
    {
        var separator = entry.IndexOf((byte)' ');
        if (separator <= 0 || !Utf8Parser.TryParse(entry[..separator], out long value, out _))
        {
            throw new FormatException("A backplane entry does not start with its numbers.");
        }
        entry = entry[(separator + 1)..];
        return value;
    }
}
