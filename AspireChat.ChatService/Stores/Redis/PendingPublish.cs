using AspireChat.ChatService.Model;
using StackExchange.Redis;

namespace AspireChat.ChatService.Stores.Redis;

// One message waiting for the next batch (PublishBatcher): what the Publish script needs of it,
// and its answer (the script's result for it) once the batch has run.
internal sealed class PendingPublish(MessageKind kind, string sender, string token, RedisKey? leftKey, string? recipientName, byte[] payload)
    : TaskCompletionSource<RedisResult>
{
    public MessageKind Kind { get; } = kind;

    public string Sender { get; } = sender;

    public string Token { get; } = token;

    // The marker of a LEFT notice.
    public RedisKey? LeftKey { get; } = leftKey;

    // Null for a broadcast.
    public string? RecipientName { get; } = recipientName;

    public byte[] Payload { get; } = payload;

    public string KindName => Kind switch
    {
        MessageKind.Joined => "joined",
        MessageKind.Left => "left",
        MessageKind.Announcement => "announce",
        _ => "chat",
    };
}
