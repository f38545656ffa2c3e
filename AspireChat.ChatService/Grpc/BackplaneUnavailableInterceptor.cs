using AspireChat.ChatService.Backplane;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AspireChat.ChatService.Grpc;

// A shared room's step that Redis could not take is UNAVAILABLE, whichever call it was part of:
// the caller learns that nothing was done (or that it is not known) and may try again, and is
// never answered as if it had worked.
internal sealed class BackplaneUnavailableInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (BackplaneUnavailableException ex)
        {
            throw Unavailable(ex);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (BackplaneUnavailableException ex)
        {
            throw Unavailable(ex);
        }
    }

    private static RpcException Unavailable(BackplaneUnavailableException ex) => new(new Status(StatusCode.Unavailable, ex.Message));
}
