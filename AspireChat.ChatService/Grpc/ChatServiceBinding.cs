using AspireChat.Protocol;
using Grpc.Core;

namespace AspireChat.ChatService.Grpc;

// How grpc-dotnet binds ChatGrpcService (named by its [BindServiceMethod]): the generated binding,
// with every request deserializer guarded by MalformedRequests, and Listen's messages serialized
// once for all their streams.
internal static class ChatServiceBinding
{
    // Listen writes each chat message's bytes made once for all its streams (WireMessages).
    private static Method<TRequest, TResponse> WithSharedMessages<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class =>
        WireMessages.Marshaller is Marshaller<TResponse> shared
            ? new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, method.RequestMarshaller, shared)
            : method;

    public static void BindService(ServiceBinderBase binder, Chat.ChatBase service) =>
        Chat.BindService(new GuardingBinder(binder), service);

    private sealed class GuardingBinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(WithSharedMessages(method)), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);
    }
}
