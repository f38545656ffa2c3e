using System.Diagnostics;
using System.Globalization;
using AspireChat.Protocol;
using AspireChat.Testing;

namespace AspireChat.ScaleOut.Tests;

// ListUsers on any replica lists who is online on every replica, with their Listen streams on
// all of them. Each replica reads Redis for it at most once a second, so a listing may lag by
// that much (waited for here), and any number of calls is answered.
[Collection(BackplaneCollection.Name)]
public sealed class ScaledOutListUsersTests(ChatClusterFixture fixture)
{
    private ChatCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task ListUsers_OnAThirdReplica_ListsUsersListeningOnTwoOthers_WithTheirListenerCounts()
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await Cluster.RegisterAsync(0, UniqueName.For("alice")));
        var bob = owned.Add(await Cluster.RegisterAsync(1, UniqueName.For("bob")));
        var carol = owned.Add(await Cluster.RegisterAsync(2, UniqueName.For("carol")));
        owned.Add(await alice.ListenAsync());
        var aliceOn1 = await owned.Add(alice.SameUserOn(Cluster.Channel(1))).ListenAsync();
        owned.Add(await bob.ListenAsync());

        var listed = await ListedUntilAsync(carol, new() { [alice.Username!] = 2, [bob.Username!] = 1, [carol.Username!] = 0 });
        await aliceOn1.DisposeAsync();
        var afterOneLeft = await ListedUntilAsync(carol, new() { [alice.Username!] = 1, [bob.Username!] = 1, [carol.Username!] = 0 });

        Assert.True(listed.Matches, $"replica 2 listed {listed.Users}");
        Assert.True(afterOneLeft.Matches, $"after alice's stream on replica 1 ended, replica 2 listed {afterOneLeft.Users}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ListUsers_ManyCallsInARow_AreAllAnswered(int replica)
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await Cluster.RegisterAsync((replica + 1) % ChatClusterFixture.ReplicaCount, UniqueName.For("alice")));
        owned.Add(await alice.ListenAsync());
        var asker = owned.Add(await Cluster.RegisterAsync(replica, UniqueName.For("asker")));
        var first = await ListedUntilAsync(asker, new() { [alice.Username!] = 1 });

        var inARow = new List<ListUsersResponse>();
        for (var i = 0; i < 200; i++)
        {
            inARow.Add(await asker.ListUsersAsync());
        }
        var atOnce = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => asker.ListUsersAsync())).DefaultTimeout();

        Assert.True(first.Matches, $"replica {replica} listed {first.Users}");
        Assert.All(inARow.Concat(atOnce), users => Assert.Contains(users.Users, u => u.Username == alice.Username && u.Listeners == 1));
    }

    // Each read of the listing scans the room's keys in Redis: however often clients ask, a
    // replica scans about once a second (SCANs counted by Redis itself; other tests of this
    // collection do not run meanwhile).
    [Fact]
    public async Task ListUsers_ManyCallsInARow_ScanRedisAboutOnceASecond_NotOncePerCall()
    {
        const int calls = 300;
        await using var asker = await Cluster.RegisterAsync(1, UniqueName.For("asker"));
        var scansBefore = await ScansAsync();

        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await asker.ListUsersAsync();
        }
        elapsed.Stop();
        var scans = await ScansAsync() - scansBefore;

        // A read of the listing is a few SCAN pages at most; one read per call would be `calls` SCANs.
        Assert.True(scans <= calls / 3, $"{calls} ListUsers calls in {elapsed.Elapsed.TotalSeconds:F1} s made Redis run {scans} SCANs");
    }

    private async Task<long> ScansAsync()
    {
        var stats = await RedisProbe.CommandAsync(new Uri($"redis://{Cluster.Redis.ConnectionString}"), "INFO", "commandstats");
        var line = Assert.Single(stats).Split("\r\n").FirstOrDefault(l => l.StartsWith("cmdstat_scan:", StringComparison.Ordinal));
        // cmdstat_scan:calls=12,usec=345,...
        return line is null ? 0 : long.Parse(line.Split(',')[0]["cmdstat_scan:calls=".Length..], CultureInfo.InvariantCulture);
    }

    // Asks until the listing shows these users with these listener counts (a read of Redis is
    // kept for a second); returns the last listing, matching or not.
    private static async Task<(bool Matches, string Users)> ListedUntilAsync(ChatTestClient asker, Dictionary<string, uint> expected)
    {
        var last = "";
        var matches = false;
        try
        {
            await TimeoutExtensions.WaitUntilAsync(async () =>
            {
                var users = (await asker.ListUsersAsync()).Users;
                last = string.Join(", ", users.Select(u => $"{u.Username} ({u.Listeners})"));
                matches = expected.All(e => users.Any(u => u.Username == e.Key && u.Listeners == e.Value));
                return matches;
            }, $"the listing shows {string.Join(", ", expected.Select(e => $"{e.Key} ({e.Value})"))}", every: TimeSpan.FromMilliseconds(100));
        }
        catch (TimeoutException)
        {
            // Reported by the caller's assertion, with what was listed last.
        }
        return (matches, last);
    }
}
