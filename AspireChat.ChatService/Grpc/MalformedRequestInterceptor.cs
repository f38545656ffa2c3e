using AspireChat.ChatService.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AspireChat.ChatService.Grpc;

// Answers a request MalformedRequests marked with INVALID_ARGUMENT before the service sees it.
internal sealed class MalformedRequestInterceptor(MalformedRequestLog log) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request, context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request, context);
        return continuation(request, responseStream, context);
    }

    private void Check(object request, ServerCallContext context)
    {
        if (MalformedRequests.IsMalformed(request, out var reason))
        {
            log.Report(context.Method, context.Peer, reason);
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a valid {request.GetType().Name} message: {reason}"));
        }
    }
}
