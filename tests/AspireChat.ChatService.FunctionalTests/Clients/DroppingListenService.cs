using System.Collections.Concurrent;
using AspireChat.Conventions;
using AspireChat.Protocol;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// A chat server whose first Listen stream drops just after it went live, having delivered only
// the first deliveredBeforeDrop messages of its backlog. The room's history is messages 8, 9
// and 10 ("h8" ...); every later stream replays what its request asks for and stays open.
public sealed class DroppingListenService(int deliveredBeforeDrop) : Chat.ChatBase
{
    private const long LastSequence = 10;
    private static readonly long[] s_history = [8, 9, 10];
    private int _calls;

    public ConcurrentQueue<ListenRequest> Requests { get; } = new();

    public override Task<MessageResponse> AddUser(User request, ServerCallContext context) =>
        Task.FromResult(new MessageResponse { Code = MessageResponse.Types.Code.Added, Msg = "added", SessionToken = "token", Username = request.Username });

    public override async Task Listen(ListenRequest request, IServerStreamWriter<Message> responseStream, ServerCallContext context)
    {
        Requests.Enqueue(request);
        await context.WriteResponseHeadersAsync(new Metadata
        {
            { ChatMetadata.EpochHeader, "epoch" },
            { ChatMetadata.SequenceHeader, $"{LastSequence}" },
        });

        var backlog = request.HasResumeAfter
            ? s_history.Where(s => s > (long)request.ResumeAfter).ToArray()
            : s_history.TakeLast((int)request.History).ToArray();
        var first = Interlocked.Increment(ref _calls) == 1;
        foreach (var sequence in first ? backlog.Take(deliveredBeforeDrop) : backlog)
        {
            await responseStream.WriteAsync(new Message { Msg = $"h{sequence}", Sequence = (ulong)sequence, User = new User { Username = "earlier" } });
        }
        if (first)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the connection dropped"));
        }
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
