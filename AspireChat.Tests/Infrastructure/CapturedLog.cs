namespace AspireChat.Tests.Infrastructure;

// One log entry as the service wrote it: its text, its structured values and its exception.
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception = null);
