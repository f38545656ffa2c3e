using Grpc.Core;

namespace AspireChat.Dashboard.Otlp;

// OTLP/gRPC TraceService: thin, as the HTTP endpoint, over OtlpIngestion.
internal sealed class OtlpTraceService(OtlpIngestion ingestion, OtlpApiKey apiKey) : Proto.TraceService.TraceServiceBase
{
    public override Task<Proto.ExportTraceServiceResponse> Export(Proto.ExportTraceServiceRequest request, ServerCallContext context)
    {
        apiKey.ThrowIfUnauthorized(context);
        ingestion.Ingest(request);
        return Task.FromResult(new Proto.ExportTraceServiceResponse());
    }
}
