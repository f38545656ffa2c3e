namespace AspireChat.Dashboard.Storage;

// Which structured logs to list: all filters optional; newest first, at most Limit.
internal sealed record LogQuery(string? Resource = null, int MinSeverityNumber = 0, string? Text = null, string? TraceId = null, int Limit = 500);
