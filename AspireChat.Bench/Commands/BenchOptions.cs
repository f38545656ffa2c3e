using System.CommandLine;

namespace AspireChat.Bench.Commands;

// The options the scenario commands share, each with its checks: a new instance per command.
internal static class BenchOptions
{
    public static Option<bool> Workshop() =>
        new("--workshop") { Description = "Use only the workshop's calls: AddUser, Listen, SendMessage with user; no tokens; a connection per simulated user." };

    public static Option<int?> ServerPid() =>
        Checked(new Option<int?>("--server-pid") { Description = "The server's process id, to report its CPU time and memory." }, pid =>
            pid is { } id && !File.Exists($"/proc/{id}/stat") ? $"--server-pid {id}: there is no such process." : null);

    public static Option<int> Listeners() =>
        Checked(new Option<int>("--listeners") { Description = "Simulated listeners.", DefaultValueFactory = _ => 100 }, count =>
            count < 1 ? "--listeners must be at least 1." : null);

    public static Option<int> Senders() =>
        Checked(new Option<int>("--senders") { Description = "Simulated senders.", DefaultValueFactory = _ => 4 }, count =>
            count < 1 ? "--senders must be at least 1." : null);

    public static Option<double> Duration() =>
        Checked(new Option<double>("--duration") { Description = "Seconds of sending.", DefaultValueFactory = _ => 5 }, seconds =>
            seconds is <= 0 or > 3600 ? "--duration must be between 0 and 3600 seconds." : null);

    public static Option<int> Size() =>
        Checked(new Option<int>("--size") { Description = "Characters per message.", DefaultValueFactory = _ => 128 }, size =>
            size is < 32 or > 4096 ? "--size must be 32 to 4096 characters (the chat's limit is 4,096)." : null);

    public static Option<double> Rate() =>
        Checked(new Option<double>("--rate") { Description = "Messages per second (latency).", DefaultValueFactory = _ => 10 }, rate =>
            rate is <= 0 or > 100_000 ? "--rate must be above 0 and at most 100,000 messages a second." : null);

    public static Option<double?> MemoryLimit() =>
        new("--memory-limit-mb") { Description = "Stop opening streams once the server holds this much memory (capacity; needs --server-pid)." };

    // The option, with a check that returns the error to report, or null when its value is fine.
    private static Option<T> Checked<T>(Option<T> option, Func<T?, string?> error)
    {
        option.Validators.Add(result =>
        {
            if (error(result.GetValueOrDefault<T>()) is { } message)
            {
                result.AddError(message);
            }
        });
        return option;
    }
}
