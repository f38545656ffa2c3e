using System.Net;
using System.Text.RegularExpressions;
using AspireChat.Testing;
using Xunit.Abstractions;

namespace AspireChat.ScaleOut.Tests.QuietFaults;

// redis-server killed under a replica and started again: the replica's log says so in a warning
// when Redis goes and a line when it is back, however many health polls and backplane retries
// meet the outage meanwhile, with no stack trace; its health report says why, in one line.
[Collection(BackplaneFaultsCollection.Name)]
public sealed partial class RedisOutageLogTests(ITestOutputHelper output)
{
    private const string Away = "The shared store (Redis) is away:";
    private const string Back = "The shared store (Redis) is back";
    private const int Polls = 20;

    [Fact]
    public async Task RedisAwayAndBack_IsOneWarningAndOneLine_NoStackTrace_AndTheHealthReportSaysWhy()
    {
        // Sweeps every 250 ms: one more path that meets the outage, several times over.
        await using var cluster = await ChatCluster.StartAsync(1, new Dictionary<string, string> { ["Chat:ReconnectGracePeriod"] = "00:00:01" }, output).StartupTimeout();
        var replica = cluster.Replicas[0];
        using var http = new HttpClient();

        await cluster.Redis.KillAsync();
        var unhealthy = await WaitForHealthAsync(http, replica.HealthAddress, HttpStatusCode.ServiceUnavailable);
        // Each poll meets the outage again, as the backplane's retries do meanwhile.
        for (var i = 0; i < Polls; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(http, replica.HealthAddress)).Status);
        }
        await cluster.Redis.StartAsync();
        await WaitForHealthAsync(http, replica.HealthAddress, HttpStatusCode.OK);
        await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(replica.Output.Any(line => line.Contains(Back))), "the replica says Redis is back");

        Assert.Matches(@"^Unhealthy: redis: Redis is away since \d\d:\d\d:\d\d UTC: \S.*$", unhealthy);
        Assert.DoesNotContain('\n', unhealthy);
        var lines = replica.Output;
        Assert.Single(lines, line => line.Contains(Away));
        Assert.Single(lines, line => line.Contains(Back));
        Assert.DoesNotContain(lines, line => StackFrame().IsMatch(line));
    }

    // Polls until the status comes; returns the body then.
    private static async Task<string> WaitForHealthAsync(HttpClient http, Uri health, HttpStatusCode status)
    {
        var body = "";
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            (var answered, body) = await GetAsync(http, health);
            return answered == status;
        }, $"{health} answers {(int)status}");
        return body;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, Uri health)
    {
        using var response = await http.GetAsync(health).DefaultTimeout();
        return (response.StatusCode, await response.Content.ReadAsStringAsync().DefaultTimeout());
    }

    [GeneratedRegex(@"^\s+at \S+")]
    private static partial Regex StackFrame();
}
