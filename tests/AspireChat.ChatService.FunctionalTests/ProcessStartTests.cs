using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Net.Client;

namespace AspireChat.ChatService.FunctionalTests;

// The chat service as an operator starts it: the built dll, from wherever, with whatever settings.
public sealed class ProcessStartTests
{
    [Fact]
    public async Task StartedFromAnotherDirectory_ServesGrpcOverH2c()
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var elsewhere = Directory.CreateTempSubdirectory("aspirechat-cwd-");
        try
        {
            // No appsettings.json in the working directory: only the URLs are given.
            await using var service = ProjectProcess.Start("AspireChat.ChatService",
            [
                $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
                $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
                $"--Chat:StateDirectory={elsewhere.FullName}",
            ], workingDirectory: elsewhere.FullName);
            await service.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/health"), "The chat service");
            await using var client = new ChatTestClient(GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}"));

            var added = await client.AddUserAsync("first");
            var users = await client.ListUsersAsync();

            Assert.Equal(MessageResponse.Types.Code.Added, added.Code);
            Assert.Equal(["first"], users.Users.Select(u => u.Username));
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WithoutATokenKey_MakesADevelopmentKey_ThatOnlyItsOwnerCanRead()
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var state = Path.Combine(Path.GetTempPath(), $"aspirechat-state-{Guid.NewGuid():N}");
        try
        {
            await using var service = ProjectProcess.Start("AspireChat.ChatService",
            [
                $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
                $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
                $"--Chat:StateDirectory={state}",
            ]);
            await service.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/health"), "The chat service");

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state, "token-key")));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task PortInUse_EndsWithOneLineNamingThePort_AndANonZeroExit()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (exitCode, lines) = await RunUntilExitAsync($"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{port}");

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains(port, line);
        Assert.Contains("in use", line);
    }

    [Theory]
    [InlineData("--Chat:MaxStreamsPerUser=0", "Chat:MaxStreamsPerUser")]
    [InlineData("--Chat:HistorySize=lots", "Chat:HistorySize")]
    [InlineData("--Chat:FrontEndKey=shorter-than-32-characters", "Chat:FrontEndKey")]
    [InlineData("--Chat:FrontEndKey=thirty-two-characters-or-more but with a space", "Chat:FrontEndKey")]
    public async Task InvalidSetting_EndsWithOneLineNamingTheSetting_AndANonZeroExit(string argument, string setting)
    {
        var (exitCode, lines) = await RunUntilExitAsync(argument);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains(setting, line);
    }

    // Starts the service on free ports (unless an argument says otherwise) and waits for it to end.
    private static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunUntilExitAsync(string argument)
    {
        // A state directory that nothing else uses (no key or names of another service).
        var state = Path.Combine(Path.GetTempPath(), $"aspirechat-state-{Guid.NewGuid():N}");
        await using var service = ProjectProcess.Start("AspireChat.ChatService",
        [
            $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{FreePort.Next()}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{FreePort.Next()}",
            $"--Chat:StateDirectory={state}",
            argument,
        ]);
        var exitCode = await service.WaitForExitAsync();
        return (exitCode, service.Lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList());
    }
}
