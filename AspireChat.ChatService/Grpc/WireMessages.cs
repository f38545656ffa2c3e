using AspireChat.ChatService.Model;
using AspireChat.ChatService.Wire;
using AspireChat.Protocol;
using Google.Protobuf;
using Grpc.Core;

namespace AspireChat.ChatService.Grpc;

// Each message's wire form, built and serialized once and shared by every stream that writes it:
// a broadcast to 10,000 listeners is encoded once, and each write copies its bytes
// (docs/performance.md). A ring of recent messages by sequence number, each slot checked by
// reference: no lock, nothing kept past 1,024 newer messages, and no GC handles (a
// ConditionalWeakTable's cost the collector a dependent handle per message).
internal static class WireMessages
{
    private const int Slots = 1024;
    private static readonly Entry?[] s_ring = new Entry?[Slots];

    // Listen's response marshaller: the bytes already made for a shared message, else serialized.
    public static Marshaller<Message> Marshaller { get; } = Marshallers.Create<Message>(Serialize, context => Message.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    public static Message Get(ChatMessage message)
    {
        ref var slot = ref s_ring[message.Sequence & (Slots - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is null || !ReferenceEquals(entry.Source, message))
        {
            // Two streams may both build one; either is right, and only the last is kept.
            entry = new Entry(message, ChatMessageProto.ToProto(message));
            Volatile.Write(ref slot, entry);
        }
        return entry.Wire;
    }

    private static void Serialize(Message message, SerializationContext context)
    {
        var entry = Volatile.Read(ref s_ring[(long)message.Sequence & (Slots - 1)]);
        if (entry is not null && ReferenceEquals(entry.Wire, message))
        {
            context.Complete(entry.Bytes);
            return;
        }
        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    private sealed class Entry(ChatMessage source, Message wire)
    {
        public ChatMessage Source { get; } = source;

        public Message Wire { get; } = wire;

        public byte[] Bytes { get; } = wire.ToByteArray();
    }
}
