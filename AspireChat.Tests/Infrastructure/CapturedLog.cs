namespace AspireChat.Tests.Infrastructure;

// One log entry as the service wrote it: its text and its structured values.
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values);
