namespace AspireChat.ChatService.FunctionalTests;

// One HTTP/2 frame as RawHttp2Connection reads it (RFC 9113 section 4.1).
public sealed record Http2Frame(byte Type, byte Flags, int StreamId, byte[] Payload)
{
    public const byte Data = 0x0;
    public const byte Headers = 0x1;
    public const byte RstStream = 0x3;
    public const byte Settings = 0x4;
    public const byte GoAway = 0x7;
}
