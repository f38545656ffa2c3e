using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// A chat server whose first Listen stream (epoch "first") delivers message 3 and drops. Every
// later stream answers with the epoch and "chat-missed" count it was given, as a restarted
// service or one whose history ran out would, delivers one message ("back") and stays open.
public sealed class ResumeGapService(string epochAfterDrop, long missedAfterDrop) : Chat.ChatBase
{
    private int _calls;

    public override Task<MessageResponse> AddUser(User request, ServerCallContext context) =>
        Task.FromResult(new MessageResponse { Code = MessageResponse.Types.Code.Added, Msg = "added", SessionToken = "token", Username = request.Username });

    public override async Task Listen(ListenRequest request, IServerStreamWriter<Message> responseStream, ServerCallContext context)
    {
        var first = Interlocked.Increment(ref _calls) == 1;
        var headers = new Metadata
        {
            { ChatMetadata.EpochHeader, first ? "first" : epochAfterDrop },
            { ChatMetadata.SequenceHeader, first ? "3" : "9" },
        };
        if (!first && missedAfterDrop > 0)
        {
            headers.Add(ChatMetadata.MissedHeader, $"{missedAfterDrop}");
        }
        await context.WriteResponseHeadersAsync(headers);
        if (first)
        {
            await responseStream.WriteAsync(new Message { Msg = "before", Sequence = 3, User = new User { Username = "alice" } });
            throw new RpcException(new Status(StatusCode.Unavailable, "the connection dropped"));
        }

        await responseStream.WriteAsync(new Message { Msg = "back", Sequence = 9, User = new User { Username = "alice" } });
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
