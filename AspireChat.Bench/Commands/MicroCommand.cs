using System.CommandLine;
using AspireChat.Bench.Micro;
using BenchmarkDotNet.Running;

namespace AspireChat.Bench.Commands;

// `micro`: the BenchmarkDotNet microbenchmarks, with BenchmarkDotNet's own arguments.
internal static class MicroCommand
{
    public static Command Create()
    {
        var command = new Command("micro", "BenchmarkDotNet microbenchmarks of the hot path (run with -c Release); arguments after -- go to BenchmarkDotNet.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parsed =>
        {
            // Every benchmark unless told otherwise (BenchmarkDotNet would otherwise ask which).
            string[] arguments = parsed.UnmatchedTokens.Count == 0 ? ["--filter", "*"] : [.. parsed.UnmatchedTokens];
            BenchmarkSwitcher.FromAssembly(typeof(FanOutBenchmarks).Assembly).Run(arguments);
            return 0;
        });
        return command;
    }
}
