using System.Globalization;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;
using AspireChat.ChatService.Users;
using AspireChat.ChatService.Wire;
using AspireChat.Conventions;
using AspireChat.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Grpc;

// The gRPC face of the room. Ordinary user mistakes are answered in MessageResponse (a workshop
// client crashes on an error status); protocol errors are RpcExceptions. Bound through
// ChatServiceBinding, and every call passes CallGuard, so malformed requests never reach the room.
[BindServiceMethod(typeof(ChatServiceBinding), nameof(ChatServiceBinding.BindService))]
internal sealed class ChatGrpcService(ChatRoom room, CallGuard guard, TrustedFrontEnd frontEnd, IOptions<ChatOptions> options, ILogger<ChatGrpcService> logger) : Chat.ChatBase
{
    public override Task<MessageResponse> AddUser(User request, ServerCallContext context) => guard.UnaryAsync(request, context, AddUserAsync);

    public override Task<MessageResponse> SendMessage(Message request, ServerCallContext context) => guard.UnaryAsync(request, context, SendMessageAsync);

    public override Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context) => guard.UnaryAsync(request, context, ListUsersAsync);

    public override async Task Listen(ListenRequest request, IServerStreamWriter<Message> responseStream, ServerCallContext context)
    {
        guard.Enter(request, context);
        using (var subscription = await SubscribeAsync(request, context))
        {
            // Cancelled when the client goes away, too.
            var cancellationToken = subscription.Ended;
            await context.WriteResponseHeadersAsync(ListenHeaders(subscription));
            try
            {
                foreach (var message in subscription.Backlog)
                {
                    await responseStream.WriteAsync(ChatMessageProto.ToProto(message), cancellationToken);
                }
                // The only writer of this stream. Written here rather than in a method of its own:
                // a second state machine would be kept for as long as the stream is open.
                await foreach (var message in subscription.Messages.ReadAllAsync(cancellationToken))
                {
                    await responseStream.WriteAsync(WireMessages.Get(message), cancellationToken);
                    room.RecordDelivery(message);
                }
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                // The client went away: the usual end of a Listen call, not an error.
                return;
            }
            catch (OperationCanceledException) when (subscription.End != SubscriptionEnd.None)
            {
                // The room ended the subscription while a write was waiting: answered below.
            }
            ThrowIfEnded(subscription);
        }
    }

    // Why the room ended the subscription, as the status the client gets.
    private static void ThrowIfEnded(Subscription subscription)
    {
        switch (subscription.End)
        {
            case SubscriptionEnd.TooSlow:
                throw ResourceExhausted("This listener fell too far behind and was dropped; listen again with resume_after set to the last sequence number you received.");
            case SubscriptionEnd.ServiceStopping:
                throw Unavailable("The chat service is stopping; listen again with resume_after set to the last sequence number you received.");
            case SubscriptionEnd.SessionEnded:
                throw Unauthenticated("Your session has expired; call AddUser again, then listen with resume_after set to the last sequence number you received.");
            case SubscriptionEnd.Disconnected:
                // The notice the stream has just written: a client stops, and does not reconnect.
                throw new RpcException(
                    new Status(StatusCode.PermissionDenied, subscription.DisconnectNotice ?? "You were disconnected by the room's operator."),
                    new Metadata { { ChatMetadata.DisconnectedTrailer, "operator" } });
        }
    }

    private async Task<MessageResponse> AddUserAsync(User request, ServerCallContext context)
    {
        var origin = frontEnd.Origin(context);
        // A token longer than any issued is nobody's, and is not passed on: as if none was sent.
        var token = SessionToken(context) is { Length: <= SessionTokens.MaxLength } presented ? presented : null;
        var result = await room.AddUserAsync(request.Username, token, ConnectionKey(context, origin), origin);
        return ChatResponses.From(result);
    }

    private async Task<MessageResponse> SendMessageAsync(Message request, ServerCallContext context)
    {
        var origin = frontEnd.Origin(context);
        var caller = await ResolveCallerAsync(context, origin);
        var claimed = request.User?.Username;
        if (!string.IsNullOrEmpty(claimed) && !Usernames.Same(claimed, caller.Name))
        {
            // Escaped in the status too: grpc-dotnet logs its detail.
            var shown = LogText.Escape(LogText.Shorten(claimed));
            ChatLog.ImpersonationRefused(logger, LogText.Escape(caller.Name), shown);
            throw PermissionDenied($"You are registered as {caller.Name}; you cannot send as {shown}.");
        }

        var result = await room.SendAsync(caller, request.Msg, origin);
        return result.Outcome == SendOutcome.SessionExpired ? throw Unauthenticated(result.Message) : ChatResponses.From(result);
    }

    // Everything before the stream's first byte, in a method of its own: its locals are not kept
    // for as long as the stream is open.
    private async Task<Subscription> SubscribeAsync(ListenRequest request, ServerCallContext context)
    {
        try
        {
            var origin = frontEnd.Origin(context);
            var caller = await ResolveCallerAsync(context, origin);
            var subscription = Open(caller, request, origin.Address, context);
            try
            {
                await room.HoldNameAsync(caller);
                return subscription;
            }
            catch
            {
                subscription.Dispose();
                throw;
            }
        }
        catch (StoreUnavailableException ex)
        {
            throw CallGuard.Unavailable(ex);
        }
    }

    private Subscription Open(ChatUser caller, ListenRequest request, string address, ServerCallContext context)
    {
        var settings = new ListenSettings(
            request.IncludePresence,
            request.HasResumeAfter ? (long)Math.Min(request.ResumeAfter, long.MaxValue) : null,
            (int)Math.Min(request.History, int.MaxValue),
            request.ResumeEpoch);
        return room.TrySubscribe(caller, settings, address, context.CancellationToken, out var subscription) switch
        {
            StreamOpenResult.LimitReached => throw ResourceExhausted($"{caller.Name} has the most Listen streams allowed open already; close one first."),
            StreamOpenResult.AddressLimitReached => throw ResourceExhausted($"Your network address has {options.Value.MaxStreamsPerAddress} Listen streams open already, the most allowed; close one first."),
            StreamOpenResult.Expired => throw Unauthenticated("Your session has expired; call AddUser again."),
            _ => subscription!,
        };
    }

    private Metadata ListenHeaders(Subscription subscription)
    {
        var headers = new Metadata
        {
            { ChatMetadata.SequenceHeader, subscription.StartSequence.ToString(CultureInfo.InvariantCulture) },
            { ChatMetadata.EpochHeader, room.Epoch },
        };
        if (subscription.Missed > 0)
        {
            headers.Add(ChatMetadata.MissedHeader, subscription.Missed.ToString(CultureInfo.InvariantCulture));
        }
        return headers;
    }

    // For registered callers only, at a rate per address: it lists every name online.
    private async Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, ServerCallContext context)
    {
        // Limited first: a caller unknown here may cost a look-up in Redis.
        var origin = frontEnd.Origin(context);
        if (room.TryListUsers(origin) is { } tooMany)
        {
            throw ResourceExhausted(tooMany);
        }
        await ResolveCallerAsync(context, origin);
        var response = new ListUsersResponse();
        foreach (var user in await room.OnlineAsync())
        {
            response.Users.Add(new OnlineUser
            {
                Username = user.Name,
                OnlineSince = Timestamp.FromDateTimeOffset(user.OnlineSince),
                Listeners = (uint)user.Listeners,
            });
        }
        return response;
    }

    private async Task<ChatUser> ResolveCallerAsync(ServerCallContext context, CallOrigin origin)
    {
        if (SessionToken(context) is { } token)
        {
            var user = token.Length <= SessionTokens.MaxLength ? await room.FindByTokenAsync(token) : null;
            return user ?? throw Unauthenticated("Unknown or expired session token; call AddUser again.");
        }
        if (origin.Forwarded)
        {
            // A front end's connection is everyone's it serves: its calls are known by their token alone.
            throw FailedPrecondition($"Call AddUser first, then send its session token ({ChatMetadata.SessionTokenHeader}) with every call.");
        }
        return room.Users.FindByConnection(ConnectionKey(context))
            ?? throw FailedPrecondition("Call AddUser first: this connection has no username.");
    }

    // Read from the request itself: context.RequestHeaders would copy every header into a
    // Metadata that a Listen call then keeps for as long as it is open.
    private static string? SessionToken(ServerCallContext context) =>
        context.GetHttpContext().Request.Headers[ChatMetadata.SessionTokenHeader] is { Count: > 0 } values ? values[^1] : null;

    // A token-less client (the workshop's) is known by its connection, as the workshop's own
    // solution does with context.peer(); the connection id keeps a reused port from inheriting it.
    private static string ConnectionKey(ServerCallContext context) =>
        $"{context.Peer}/{context.GetHttpContext().Connection.Id}";

    // A registration through a trusted front end is not known by its connection, which every
    // person the front end serves shares: its key matches no other call, so a name another
    // person holds is TAKEN, and the user is found by its session token only.
    private static string ConnectionKey(ServerCallContext context, CallOrigin origin) =>
        origin.Forwarded ? $"forwarded/{Guid.NewGuid():N}" : ConnectionKey(context);

    private static RpcException PermissionDenied(string detail) => new(new Status(StatusCode.PermissionDenied, detail));

    private static RpcException Unauthenticated(string detail) => new(new Status(StatusCode.Unauthenticated, detail));

    private static RpcException FailedPrecondition(string detail) => new(new Status(StatusCode.FailedPrecondition, detail));

    private static RpcException ResourceExhausted(string detail) => new(new Status(StatusCode.ResourceExhausted, detail));

    private static RpcException Unavailable(string detail) => new(new Status(StatusCode.Unavailable, detail));
}
