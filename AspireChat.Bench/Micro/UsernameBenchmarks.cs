using AspireChat.Conventions;
using BenchmarkDotNet.Attributes;

namespace AspireChat.Bench.Micro;

// What a name costs each time the service reads one: AddUser checks it and indexes its look-alike
// skeleton, and every direct message finds its recipient by a checked name. The names are the
// bench's own (ASCII, with digits that have look-alikes).
[MemoryDiagnoser]
public class UsernameBenchmarks
{
    private const string Name = "l1234-9f3a2c";
    private static readonly string s_directMessage = $"@{Name} {new string('x', 128)}";

    [Benchmark]
    public bool CheckName() => Usernames.TryNormalize(Name, out _, out _);

    [Benchmark]
    public string Skeleton() => Usernames.Skeleton(Name);

    [Benchmark]
    public bool ParseDirectMessage() => DirectMessages.TryParse(s_directMessage, out _, out _);
}
