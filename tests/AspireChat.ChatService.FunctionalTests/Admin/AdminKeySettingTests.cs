using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Admin;

// Chat:AdminKey as an operator sets it: a key too weak to guard the room stops the start.
public sealed class AdminKeySettingTests
{
    [Theory]
    [InlineData("--Chat:AdminKey=fifteen-chars15")]
    [InlineData("--Chat:AdminKey=sixteen or more but with spaces")]
    [InlineData("--Chat:AdminKey=sixteen-or-more-but-not-ascii-é")]
    public async Task AWeakOrUnsendableKey_EndsWithOneLineNamingTheSetting(string argument)
    {
        var state = Path.Combine(Path.GetTempPath(), $"aspirechat-state-{Guid.NewGuid():N}");
        await using var service = ProjectProcess.Start("AspireChat.ChatService",
        [
            $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{FreePort.Next()}",
            $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{FreePort.Next()}",
            $"--Kestrel:Endpoints:admin:Url=http://127.0.0.1:{FreePort.Next()}",
            $"--Chat:StateDirectory={state}",
            argument,
        ]);

        var exitCode = await service.WaitForExitAsync();

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(service.Lines, l => !string.IsNullOrWhiteSpace(l));
        Assert.Contains("Chat:AdminKey", line);
        Assert.Contains("at least 16", line);
        Assert.DoesNotContain(argument["--Chat:AdminKey=".Length..], line);
    }
}
