namespace AspireChat.Dashboard.Model;

internal sealed record HistogramValue(ulong Count, double Sum, double? P50, double? P90, double? P99);
