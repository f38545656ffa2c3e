using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A client that speaks HTTP/2 byte by byte, to do what no well-behaved client does: never send
// the preface, or stop a request's body before its last byte.
public sealed class RawHttp2Connection : IAsyncDisposable
{
    private const int MaxFrameSize = 16_384;
    private static readonly byte[] s_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawHttp2Connection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<RawHttp2Connection> OpenAsync(Uri server, IPAddress? from = null)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
            await socket.ConnectAsync(server.Host, server.Port).DefaultTimeout();
            return new RawHttp2Connection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // The client preface and an empty SETTINGS frame.
    public async Task SendPrefaceAsync()
    {
        await _stream.WriteAsync(s_preface);
        await WriteFrameAsync(Http2Frame.Settings, 0, 0, ReadOnlyMemory<byte>.Empty);
    }

    // A gRPC request's HEADERS (END_HEADERS, the stream left open for its body).
    public Task SendRequestHeadersAsync(int streamId, string path)
    {
        var block = new MemoryStream();
        foreach (var (name, value) in new[] { (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "localhost"), ("content-type", "application/grpc"), ("te", "trailers") })
        {
            // HPACK literal without indexing, new name, no Huffman coding (RFC 7541 section 6.2.2).
            block.WriteByte(0);
            WriteString(block, name);
            WriteString(block, value);
        }
        return WriteFrameAsync(Http2Frame.Headers, 0x4, streamId, block.ToArray());
    }

    // DATA frames of the body, the stream left open.
    public async Task SendDataAsync(int streamId, byte[] body)
    {
        for (var offset = 0; offset < body.Length; offset += MaxFrameSize)
        {
            await WriteFrameAsync(Http2Frame.Data, 0, streamId, body.AsMemory(offset, Math.Min(MaxFrameSize, body.Length - offset)));
        }
    }

    // The next frame from the service; null once it has closed the connection.
    public async Task<Http2Frame?> ReadFrameAsync()
    {
        try
        {
            var header = new byte[9];
            if (!await ReadExactlyOrEndAsync(header))
            {
                return null;
            }
            var payload = new byte[(header[0] << 16) | (header[1] << 8) | header[2]];
            return await ReadExactlyOrEndAsync(payload)
                ? new Http2Frame(header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, payload)
                : null;
        }
        catch (IOException)
        {
            // Reset by the service: closed too.
            return null;
        }
    }

    // Reads frames until one matches (true) or the service closes the connection (false).
    public async Task<bool> ReadUntilAsync(Func<Http2Frame, bool> match)
    {
        while (await ReadFrameAsync() is { } frame)
        {
            if (match(frame))
            {
                return true;
            }
        }
        return false;
    }

    // Every frame until the service closes the connection.
    public async Task<IReadOnlyList<Http2Frame>> ReadUntilClosedAsync()
    {
        var frames = new List<Http2Frame>();
        while (await ReadFrameAsync() is { } frame)
        {
            frames.Add(frame);
        }
        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task WriteFrameAsync(byte type, byte flags, int streamId, ReadOnlyMemory<byte> payload)
    {
        var header = new byte[9];
        header[0] = (byte)(payload.Length >> 16);
        header[1] = (byte)(payload.Length >> 8);
        header[2] = (byte)payload.Length;
        header[3] = type;
        header[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(5), streamId);
        await _stream.WriteAsync(header);
        await _stream.WriteAsync(payload);
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _stream.ReadAsync(buffer.AsMemory(read));
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }

    private static void WriteString(MemoryStream block, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        // Every name and value here is shorter than 127 bytes: a one-byte length.
        block.WriteByte((byte)bytes.Length);
        block.Write(bytes);
    }
}
