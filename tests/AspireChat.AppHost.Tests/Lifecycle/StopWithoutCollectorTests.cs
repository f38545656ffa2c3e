using AspireChat.Testing;

namespace AspireChat.AppHost.Tests.Lifecycle;

// Each process as Aspire runs it (OTLP on, with Aspire's in-memory export retries) when the
// collector has gone, as the dashboard goes when the AppHost stops: SIGTERM ends it cleanly
// (exit code 0), its last telemetry given up rather than retried for seconds.
public sealed class StopWithoutCollectorTests
{
    [Fact]
    public async Task ChatService_Terminated_WhileItsCollectorIsGone_ExitsCleanly()
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var state = Directory.CreateTempSubdirectory("aspirechat-state-");
        try
        {
            await using var chat = ProjectProcess.Start("AspireChat.ChatService",
            [
                $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
                $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
                $"--Chat:StateDirectory={state.FullName}",
            ], GoneCollector());
            await chat.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/health"), "The chat service");

            await chat.TerminateAsync();

            Assert.Equal(0, await chat.WaitForExitAsync());
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ConsoleClient_Terminated_WhileItsCollectorIsGone_ExitsCleanly()
    {
        await using var chat = new ChatServiceProcess();
        await chat.StartAsync();
        await using var console = ConsoleClientProcess.Start(chat.GrpcAddress, UniqueName.For("leaving"), GoneCollector());
        await console.WaitForLineAsync(line => line.StartsWith("* connected to", StringComparison.Ordinal), "the console connected");

        await console.TerminateAsync();

        Assert.Equal(0, await console.WaitForExitAsync());
    }

    [Fact]
    public async Task Bot_Terminated_WhileItsCollectorIsGone_ExitsCleanly()
    {
        await using var chat = new ChatServiceProcess();
        await chat.StartAsync();
        var environment = new Dictionary<string, string>(GoneCollector())
        {
            ["Bot__Name"] = UniqueName.For("leaving"),
            ["Bot__Script__0__Say"] = "hello",
            ["ChatClient__Server"] = chat.GrpcAddress.ToString(),
        };
        await using var bot = ProjectProcess.Start("AspireChat.BotClient", [], environment);
        await bot.WaitForLineAsync(line => line.Contains("joined the chat", StringComparison.Ordinal), "the bot joined");

        await bot.TerminateAsync();

        Assert.Equal(0, await bot.WaitForExitAsync());
    }

    // An OTLP endpoint nobody listens on, and the export retries Aspire asks for.
    private static Dictionary<string, string> GoneCollector() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };
}
