using AspireChat.Protocol.Admin;
using Grpc.Core;

namespace AspireChat.ChatService.Grpc;

// How grpc-dotnet binds ChatAdminGrpcService: the generated binding, with every request
// deserializer guarded by MalformedRequests, as the chat service's are (ChatServiceBinding).
internal static class ChatAdminBinding
{
    public static void BindService(ServiceBinderBase binder, ChatAdmin.ChatAdminBase service) =>
        ChatAdmin.BindService(new GuardingBinder(binder), service);

    // The operator's calls are all unary.
    private sealed class GuardingBinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(MalformedRequests.Guard(method), handler);
    }
}
