using System.IO.Compression;
using Google.Protobuf;

namespace AspireChat.Dashboard.Otlp;

// OTLP/HTTP with protobuf bodies: POST /v1/traces, /v1/logs and /v1/metrics.
internal static class OtlpHttpEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";

    // As the gRPC receivers' limit: a small compressed body must not inflate without end.
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints)
    {
        var otlp = endpoints.MapGroup("/v1").AllowAnonymous().DisableAntiforgery();
        otlp.MapPost("/traces", (HttpContext context, OtlpIngestion ingestion, OtlpApiKey apiKey) =>
            ExportAsync(context, apiKey, Proto.ExportTraceServiceRequest.Parser, ingestion.Ingest, new Proto.ExportTraceServiceResponse()));
        otlp.MapPost("/logs", (HttpContext context, OtlpIngestion ingestion, OtlpApiKey apiKey) =>
            ExportAsync(context, apiKey, Proto.ExportLogsServiceRequest.Parser, ingestion.Ingest, new Proto.ExportLogsServiceResponse()));
        otlp.MapPost("/metrics", (HttpContext context, OtlpIngestion ingestion, OtlpApiKey apiKey) =>
            ExportAsync(context, apiKey, Proto.ExportMetricsServiceRequest.Parser, ingestion.Ingest, new Proto.ExportMetricsServiceResponse()));
        return endpoints;
    }

    private static async Task<IResult> ExportAsync<TRequest>(HttpContext context, OtlpApiKey apiKey, MessageParser<TRequest> parser, Action<TRequest> ingest, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        if (!apiKey.IsAuthorized(context))
        {
            return Results.Problem($"Send the dashboard's OTLP API key in the {OtlpApiKey.HeaderName} header.", statusCode: StatusCodes.Status401Unauthorized);
        }
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem($"OTLP/HTTP bodies must be {ProtobufContentType}; OTLP/JSON is not supported.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = new MemoryStream();
        var source = string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
            : context.Request.Body;
        await using (source)
        {
            var buffer = new byte[81920];
            int read;
            try
            {
                while ((read = await source.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    if (body.Length + read > MaxBodyBytes)
                    {
                        return Results.Problem($"The body is larger than {MaxBodyBytes / 1048576} MB once decompressed.", statusCode: StatusCodes.Status413PayloadTooLarge);
                    }
                    body.Write(buffer, 0, read);
                }
            }
            catch (InvalidDataException ex)
            {
                return Results.Problem($"The body is not valid gzip: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        TRequest request;
        try
        {
            request = parser.ParseFrom(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (InvalidProtocolBufferException ex)
        {
            return Results.Problem($"The body is not a valid OTLP protobuf message: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        ingest(request);
        return Results.Bytes(response.ToByteArray(), ProtobufContentType);
    }
}
