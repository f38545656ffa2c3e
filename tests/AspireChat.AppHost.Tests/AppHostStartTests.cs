using System.Net;
using System.Net.Sockets;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests;

// The AppHost as a user starts it, when it cannot start.
public sealed class AppHostStartTests
{
    [Fact]
    public async Task AppHost_WithTheChatPortHeldByAnotherProcess_SaysSoInOneLine_AndExitsWithAnError()
    {
        // Held here, or already held by a developer's AppHost: either way the port is taken.
        using var squatter = TryHold(50051);
        await using var appHost = ProjectProcess.Start("AspireChat.AppHost", [], new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://localhost:{FreePort.Next()}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        });

        var exitCode = await appHost.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(appHost.Lines, l => l.Contains("50051"));
        Assert.Equal("Port 50051, for chat's grpc endpoint, is in use by another process (another AppHost?): stop it, then start again.", line);
        Assert.DoesNotContain(appHost.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    private static TcpListener? TryHold(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
