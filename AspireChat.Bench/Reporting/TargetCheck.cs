namespace AspireChat.Bench.Reporting;

// One target, what this run measured for it, and whether it was met
// ("met", "missed", or "not run" when the run had no scenario of that size).
internal sealed record TargetCheck(string Target, string Measured, string Verdict);
