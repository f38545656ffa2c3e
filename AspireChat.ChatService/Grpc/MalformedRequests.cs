using System.Runtime.CompilerServices;
using Grpc.Core;

namespace AspireChat.ChatService.Grpc;

// Wraps a method's request deserializer so bytes that are not the request message (broken
// protobuf, a string that is not UTF-8) never throw inside grpc-dotnet, which would answer UNKNOWN
// and log the exception's stack trace twice. The wrapper returns an empty request marked as
// malformed instead, and CallGuard answers it with INVALID_ARGUMENT.
internal static class MalformedRequests
{
    private static readonly ConditionalWeakTable<object, string> s_reasons = [];

    public static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var inner = method.RequestMarshaller;
        var guarded = new Marshaller<TRequest>(inner.ContextualSerializer, context => Deserialize(inner, context));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
    }

    public static bool IsMalformed(object request, out string reason) => s_reasons.TryGetValue(request, out reason!);

    private static TRequest Deserialize<TRequest>(Marshaller<TRequest> inner, DeserializationContext context)
        where TRequest : class
    {
        try
        {
            return inner.ContextualDeserializer(context);
        }
        catch (Exception ex)
        {
            // Parsing is pure: whatever it throws (InvalidProtocolBufferException, a decoder's
            // ArgumentException, ...) means the bytes are not a valid message.
            var placeholder = Activator.CreateInstance<TRequest>();
            s_reasons.Add(placeholder, ex.Message);
            return placeholder;
        }
    }
}
