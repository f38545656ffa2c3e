using Grpc.Core;

namespace AspireChat.Dashboard.Otlp;

// OTLP/gRPC LogsService: thin, as the HTTP endpoint, over OtlpIngestion.
internal sealed class OtlpLogsService(OtlpIngestion ingestion, OtlpApiKey apiKey) : Proto.LogsService.LogsServiceBase
{
    public override Task<Proto.ExportLogsServiceResponse> Export(Proto.ExportLogsServiceRequest request, ServerCallContext context)
    {
        apiKey.ThrowIfUnauthorized(context);
        ingestion.Ingest(request);
        return Task.FromResult(new Proto.ExportLogsServiceResponse());
    }
}
