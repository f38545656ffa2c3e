namespace AspireChat.AppHost.Tests;

// One span as the dashboard holds it: which resource (and which replica of it) sent it, its name,
// its trace and its parent.
public sealed record DashboardSpan(string Resource, string Name, string TraceId, string SpanId = "", string ParentSpanId = "", string Instance = "");
