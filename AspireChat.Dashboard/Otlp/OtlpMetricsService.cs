using Grpc.Core;

namespace AspireChat.Dashboard.Otlp;

// OTLP/gRPC MetricsService: thin, as the HTTP endpoint, over OtlpIngestion.
internal sealed class OtlpMetricsService(OtlpIngestion ingestion, OtlpApiKey apiKey) : Proto.MetricsService.MetricsServiceBase
{
    public override Task<Proto.ExportMetricsServiceResponse> Export(Proto.ExportMetricsServiceRequest request, ServerCallContext context)
    {
        apiKey.ThrowIfUnauthorized(context);
        ingestion.Ingest(request);
        return Task.FromResult(new Proto.ExportMetricsServiceResponse());
    }
}
