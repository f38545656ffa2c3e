namespace AspireChat.Dashboard.Storage;

[Flags]
internal enum TelemetryKind
{
    None = 0,
    Logs = 1,
    Traces = 2,
    Metrics = 4,
    Resources = 8,
    ConsoleLogs = 16,
}
