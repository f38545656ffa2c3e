using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Network;
using Grpc.Core;

namespace AspireChat.ChatService.Grpc;

// What every call passes on its way in and out: a chat call on the operator's endpoint is
// PERMISSION_DENIED; a request MalformedRequests marked is answered
// INVALID_ARGUMENT before the room sees it, and a shared room's step that Redis could not take is
// UNAVAILABLE, whichever call it was part of (the caller learns that nothing was done, or that it
// is not known, and may try again; it is never answered as if it had worked). ChatGrpcService
// calls it itself rather than through interceptors: grpc-dotnet holds an interceptor's frames for
// as long as its call lasts, about 740 bytes for every open Listen stream (docs/performance.md).
internal sealed class CallGuard(MalformedRequestLog log)
{
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(TRequest request, ServerCallContext context, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : notnull
    {
        RequestBodyTimeout.Arrived(context.GetHttpContext());
        Enter(request, context);
        try
        {
            return await handler(request, context);
        }
        catch (StoreUnavailableException ex)
        {
            throw Unavailable(ex);
        }
    }

    // A chat call: never on the operator's endpoint, and well-formed.
    public void Enter(object request, ServerCallContext context)
    {
        if (ConnectionEndpoint.Of(context.GetHttpContext()) == ChatEndpoints.Admin)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The chat service is not served on the admin port; call it on the chat port (grpc)."));
        }
        ThrowIfMalformed(request, context);
    }

    public void ThrowIfMalformed(object request, ServerCallContext context)
    {
        if (MalformedRequests.IsMalformed(request, out var reason))
        {
            log.Report(context.Method, context.Peer, reason);
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a valid {request.GetType().Name} message: {reason}"));
        }
    }

    public static RpcException Unavailable(StoreUnavailableException ex) => new(new Status(StatusCode.Unavailable, ex.Message));
}
