using AspireChat.ChatService.Configuration;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Network;

// Resets a unary call (its HTTP/2 stream) whose request message has not arrived whole within
// Chat:RequestBodyTimeout, however fast its first bytes came: Kestrel's minimum data rate lets a
// body that stalls before its last byte live as long as its earlier bytes keep the average up,
// and ASP.NET Core's request timeouts only cancel a token, which grpc-dotnet does not pass to its
// read of the request message. grpc-dotnet reads the whole message before it calls the method,
// so the deadline ends there (CallGuard calls Arrived): a slow call is never cut. Listen (server
// streaming) is left alone.
internal sealed class RequestBodyTimeout(RequestDelegate next, IOptions<ChatOptions> options)
{
    private readonly TimeSpan _timeout = options.Value.RequestBodyTimeout;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.Type != MethodType.Unary)
        {
            await next(context);
            return;
        }

        using var deadline = new Deadline(context, _timeout);
        context.Features.Set(deadline);
        await next(context);
    }

    // The call's request message has been read: its deadline is over.
    public static void Arrived(HttpContext context) => context.Features.Get<Deadline>()?.Dispose();

    private sealed class Deadline : IDisposable
    {
        private readonly CancellationTokenSource _expiry;
        private readonly CancellationTokenRegistration _abort;

        public Deadline(HttpContext context, TimeSpan timeout)
        {
            _expiry = new CancellationTokenSource(timeout);
            _abort = _expiry.Token.UnsafeRegister(static state => ((HttpContext)state!).Abort(), context);
        }

        public void Dispose()
        {
            _abort.Dispose();
            _expiry.Dispose();
        }
    }
}
