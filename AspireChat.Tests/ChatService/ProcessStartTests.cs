using AspireChat.Protocol;
using AspireChat.Tests.Infrastructure;
using Grpc.Net.Client;

namespace AspireChat.Tests.ChatService;

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
            ], workingDirectory: elsewhere.FullName);
            await service.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/health"), "The chat service");
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

            var users = await new Chat.ChatClient(channel).ListUsersAsync(new ListUsersRequest()).ResponseAsync.DefaultTimeout();

            Assert.Empty(users.Users);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }
}
