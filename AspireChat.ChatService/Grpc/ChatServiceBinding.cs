using AspireChat.Protocol;
using Grpc.Core;

namespace AspireChat.ChatService.Grpc;

// How grpc-dotnet binds ChatGrpcService (named by its [BindServiceMethod]): the generated binding,
// with every request deserializer guarded by MalformedRequests.
internal static class ChatServiceBinding
{
    public static void BindService(ServiceBinderBase binder, Chat.ChatBase service) =>
        Chat.BindService(new GuardingBinder(binder), service);

    private sealed class GuardingBinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);
    }
}
