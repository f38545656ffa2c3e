using AspireChat.Conventions;
using AspireChat.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// A server of the chat contract, for one user, whose room has an operator at work. The first Listen stream
// carries an announcement, then, when the test calls Disconnect, the disconnect notice to its user
// and the end PERMISSION_DENIED; later streams stay open. Every send is refused MUTED. AddUser
// adds, except that registrations after the first answer laterRegistrations first, in order (a
// name held by the operator, say).
public sealed class OperatorChatService(params MessageResponse[] laterRegistrations) : Chat.ChatBase
{
    public const string Announcement = "The room closes at noon.";
    public const string MutedReason = "You are muted by the room's operator until 12:00:00 UTC: shouting.";
    public const string ReasonFormat = "You were disconnected by the room's operator: spam. The name {0} is held until 12:00:00 UTC.";

    private readonly TaskCompletionSource _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _relistened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _addUsers;
    private int _listens;
    private int _sends;
    // One user at a time: the last name registered.
    private string? _username;

    public int AddUsers => Volatile.Read(ref _addUsers);

    public int Listens => Volatile.Read(ref _listens);

    public int Sends => Volatile.Read(ref _sends);

    // A Listen stream after the first has opened.
    public Task Relistened => _relistened.Task;

    public static string Reason(string username) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ReasonFormat, username);

    public static MessageResponse Held(string username) => new()
    {
        Code = MessageResponse.Types.Code.Taken,
        Msg = $"The username {username} is held by the room's operator until 12:00:00 UTC; choose another.",
    };

    public void Disconnect() => _disconnect.TrySetResult();

    public override Task<MessageResponse> AddUser(User request, ServerCallContext context)
    {
        var attempt = Interlocked.Increment(ref _addUsers);
        Volatile.Write(ref _username, request.Username);
        return Task.FromResult(attempt >= 2 && attempt - 2 < laterRegistrations.Length
            ? laterRegistrations[attempt - 2]
            : new MessageResponse { Code = MessageResponse.Types.Code.Added, Msg = "added", SessionToken = $"token{attempt}", Username = request.Username });
    }

    public override Task<MessageResponse> SendMessage(Message request, ServerCallContext context)
    {
        Interlocked.Increment(ref _sends);
        return Task.FromResult(new MessageResponse { Code = MessageResponse.Types.Code.Muted, Msg = MutedReason });
    }

    public override async Task Listen(ListenRequest request, IServerStreamWriter<Message> responseStream, ServerCallContext context)
    {
        var first = Interlocked.Increment(ref _listens) == 1;
        await context.WriteResponseHeadersAsync(new Metadata { { ChatMetadata.EpochHeader, "epoch" }, { ChatMetadata.SequenceHeader, "0" } });
        try
        {
            if (!first)
            {
                _relistened.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            await responseStream.WriteAsync(FromTheRoom(1, Announcement, recipient: null));
            await _disconnect.Task.WaitAsync(context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
            return;
        }
        var username = Volatile.Read(ref _username) ?? "";
        await responseStream.WriteAsync(FromTheRoom(2, Reason(username), recipient: username));
        throw new RpcException(new Status(StatusCode.PermissionDenied, Reason(username)), new Metadata { { ChatMetadata.DisconnectedTrailer, "operator" } });
    }

    private static Message FromTheRoom(ulong sequence, string text, string? recipient) => new()
    {
        Sequence = sequence,
        Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        Kind = Message.Types.Kind.Announcement,
        User = new User { Username = Usernames.Announcer },
        Msg = text,
        Recipient = recipient is null ? null : new User { Username = recipient },
    };
}
