namespace AspireChat.Tests.Infrastructure;

// Keeps every log entry of the service under test, to check what telemetry contains.
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public SynchronizedCollection<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, SynchronizedCollection<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Add(new CapturedLog(category, logLevel, formatter(state, exception), [.. values], exception));
        }
    }
}
