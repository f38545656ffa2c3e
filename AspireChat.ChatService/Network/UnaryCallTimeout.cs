using AspireChat.ChatService.Configuration;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Network;

// Resets a unary call (its HTTP/2 stream) that is not over within Chat:UnaryCallTimeout, however
// fast its first bytes came: Kestrel's minimum data rate lets a body that stalls before its last
// byte live as long as its earlier bytes keep the average up, and ASP.NET Core's request timeouts
// only cancel a token, which grpc-dotnet does not pass to its read of the request message. Listen
// (server streaming) is left alone: its streams live for hours.
internal sealed class UnaryCallTimeout(RequestDelegate next, IOptions<ChatOptions> options)
{
    private readonly TimeSpan _timeout = options.Value.UnaryCallTimeout;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.Type != MethodType.Unary)
        {
            await next(context);
            return;
        }

        using var deadline = new CancellationTokenSource(_timeout);
        await using (deadline.Token.UnsafeRegister(static state => ((HttpContext)state!).Abort(), context))
        {
            await next(context);
        }
    }
}
