namespace AspireChat.Tests.Infrastructure;

// One span as the dashboard holds it: which resource sent it, its name and its trace.
public sealed record DashboardSpan(string Resource, string Name, string TraceId);
