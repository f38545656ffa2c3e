using System.Diagnostics;

namespace AspireChat.ChatService.Diagnostics;

// The trace context a caller sends in (traceparent, tracestate, baggage headers) is kept only
// within W3C's bounds: a traceparent that is not a valid W3C one is dropped with its state, and a
// tracestate over 512 characters or baggage over 8,192 bytes is dropped. Otherwise a sender's
// state would be copied into every span of its call and every copy of its message (a one-character
// message reached each listener as 8 KB). ASP.NET Core's hosting extracts through the
// DistributedContextPropagator in the service container, so this is the one place it enters.
internal sealed class BoundedTraceContext(DistributedContextPropagator inner) : DistributedContextPropagator
{
    // W3C Trace Context: "tracestate ... MUST NOT exceed 512 characters" to be propagated.
    public const int MaxTraceStateLength = 512;

    // W3C Baggage: at most 8,192 bytes in all.
    private const int MaxBaggageLength = 8192;

    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) => inner.Inject(activity, carrier, setter);

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);
        if (traceId is not null && !ActivityContext.TryParse(traceId, null, out _))
        {
            traceId = null;
            traceState = null;
        }
        traceState = Bound(traceState);
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter)
    {
        var baggage = inner.ExtractBaggage(carrier, getter)?.ToArray();
        return baggage?.Sum(b => b.Key.Length + (b.Value?.Length ?? 0) + 2) <= MaxBaggageLength ? baggage : null;
    }

    // A tracestate that may be passed on, or none.
    public static string? Bound(string? traceState) => traceState is { Length: <= MaxTraceStateLength } ? traceState : null;
}
