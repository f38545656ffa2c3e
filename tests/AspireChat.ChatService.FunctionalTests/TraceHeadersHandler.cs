namespace AspireChat.ChatService.FunctionalTests;

// Sends every request with the given W3C trace headers, as a client in another process would:
// the tracing of this test process (its gRPC and HTTP client instrumentation) would otherwise
// put its own traceparent in their place.
public sealed class TraceHeadersHandler(string traceparent, string tracestate)
    : DelegatingHandler(new SocketsHttpHandler { ActivityHeadersPropagator = null })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("traceparent");
        request.Headers.Remove("tracestate");
        request.Headers.TryAddWithoutValidation("traceparent", traceparent);
        request.Headers.TryAddWithoutValidation("tracestate", tracestate);
        return base.SendAsync(request, cancellationToken);
    }
}
