using System.Buffers;
using AspireChat.Protocol;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace AspireChat.Bench.Micro;

// What a broadcast costs to serialize for N listeners: a proto message built and written per
// listener, one message written N times, its bytes made once and copied N times (the service's
// Listen loop: WireMessages), or written once.
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Message _message = null!;
    private byte[] _bytes = [];

    [Params(1_000)]
    public int Listeners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = Build();
        _bytes = _message.ToByteArray();
    }

    [Benchmark(Baseline = true)]
    public int BuildAndWritePerListener()
    {
        var bytes = 0;
        for (var i = 0; i < Listeners; i++)
        {
            bytes += Write(Build());
        }
        return bytes;
    }

    [Benchmark]
    public int WriteSharedMessagePerListener()
    {
        var bytes = 0;
        for (var i = 0; i < Listeners; i++)
        {
            bytes += Write(_message);
        }
        return bytes;
    }

    [Benchmark]
    public int CopySerializedBytesPerListener()
    {
        var bytes = 0;
        for (var i = 0; i < Listeners; i++)
        {
            _buffer.ResetWrittenCount();
            _buffer.Write(_bytes);
            bytes += _buffer.WrittenCount;
        }
        return bytes;
    }

    [Benchmark]
    public int WriteOnce() => Write(_message);

    private int Write(Message message)
    {
        _buffer.ResetWrittenCount();
        message.WriteTo(_buffer);
        return _buffer.WrittenCount;
    }

    private static Message Build() => new()
    {
        Msg = "a message of a typical length, about sixty characters long",
        User = new User { Username = "alice" },
        Sequence = 12345,
        Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch),
        Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        Kind = Message.Types.Kind.Chat,
    };
}
