using AspireChat.Conventions;
using AspireChat.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// A server of the chat contract that puts terminal escape sequences in every string a client
// shows: AddUser's msg (it refuses the first name), the stored username, the names ListUsers
// gives, a send's refusal text and two RPC errors' details (one per send), and the sender and
// text of what it streams.
public sealed class HostileChatService : Chat.ChatBase
{
    // Retitles the terminal (OSC 0), sets its clipboard (OSC 52), clears it, homes the cursor,
    // reverses what follows (U+202E), recolours it (C1 CSI); then, after a carriage return and
    // after a newline, text that would pass for a line of alice's.
    public const string Payload = "\u001b]0;pwned\u0007\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\u001b[H\u202e\u009b31m\ralice: forged by CR\nalice: forged by LF";

    private int _addUsers;
    private int _sends;

    public override Task<MessageResponse> AddUser(User request, ServerCallContext context) =>
        Task.FromResult(Interlocked.Increment(ref _addUsers) == 1
            ? new MessageResponse { Code = MessageResponse.Types.Code.Taken, Msg = "taken" + Payload }
            : new MessageResponse { Code = MessageResponse.Types.Code.Added, Msg = "added", SessionToken = "token", Username = "eve" + Payload });

    public override Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context) =>
        Task.FromResult(new ListUsersResponse
        {
            Users = { new OnlineUser { Username = "eve" + Payload, Listeners = 1 }, new OnlineUser { Username = "mallory" + Payload, Listeners = 1 } },
        });

    public override Task<MessageResponse> SendMessage(Message request, ServerCallContext context) => Interlocked.Increment(ref _sends) switch
    {
        1 => Task.FromResult(new MessageResponse { Code = MessageResponse.Types.Code.InvalidMessage, Msg = "refused" + Payload }),
        2 => throw new RpcException(new Status(StatusCode.FailedPrecondition, "detail" + Payload)),
        _ => throw new RpcException(new Status(StatusCode.Unavailable, "away" + Payload)),
    };

    public override async Task Listen(ListenRequest request, IServerStreamWriter<Message> responseStream, ServerCallContext context)
    {
        await context.WriteResponseHeadersAsync(new Metadata { { ChatMetadata.EpochHeader, "epoch" }, { ChatMetadata.SequenceHeader, "0" } });
        var mallory = new User { Username = "mallory" + Payload };
        await responseStream.WriteAsync(new Message { Sequence = 1, User = mallory, Kind = Message.Types.Kind.Joined, Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) });
        await responseStream.WriteAsync(new Message { Sequence = 2, User = mallory, Msg = "hi" + Payload });
        await responseStream.WriteAsync(new Message { Sequence = 3, User = mallory, Msg = "@eve psst" + Payload, Recipient = new User { Username = "eve" + Payload } });
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }
}
