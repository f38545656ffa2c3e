namespace AspireChat.Dashboard.Model;

// A line of a resource's console output; Text keeps its ANSI colour codes, the UI renders them.
internal sealed record ConsoleLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);
