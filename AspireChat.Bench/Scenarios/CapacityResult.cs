namespace AspireChat.Bench.Scenarios;

internal sealed record CapacityResult(
    string Target,
    int Requested,
    int Connected,
    double ConnectSeconds,
    double? ServerMegabytesBefore,
    double? ServerMegabytesAfter,
    double? KilobytesPerListener,
    int BroadcastReceivedBy,
    string? StoppedBecause);
