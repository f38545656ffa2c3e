using System.Text.Json.Nodes;
using AspireChat.AppHost.Tests.Browser;
using AspireChat.Testing;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Web;

// What Aspire's dashboard holds of a send from the page: one trace from the web app through chat
// to every receiver, and never a direct message's text.
[Collection(ChatAppCollection.Name)]
public sealed class WebTelemetryTests(ChatAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BroadcastFromThePage_IsOneTrace_FromWebThroughChat_ToEveryReceiver()
    {
        var me = UniqueName.For("tracer");
        await using var page = await ChatPage.JoinedAsync(browser, app.WebUrl, me);

        await page.SendAsync($"a broadcast to trace, from {me}");

        var traceId = await TraceOfSendAsync(me);
        // The bots and this page receive it: the trace is whole once each receive span is in.
        var trace = await app.Telemetry.WaitForTraceAsync(
            spans => spans[0].TraceId == traceId && new[] { "web", "alice", "bob" }.All(r => spans.Any(s => s.Resource == r && s.Name == "chat.receive")),
            $"the trace of {me}'s broadcast, received by the page, alice and bob");
        var send = Assert.Single(trace, s => s.Name == "web.send");
        var clientSend = Assert.Single(trace, s => s.Name == "chat.send");
        var broadcast = Assert.Single(trace, s => s.Name == "chat.broadcast");
        var receives = trace.Where(s => s.Name == "chat.receive").ToList();

        Assert.Equal(("web", ""), (send.Resource, send.ParentSpanId));
        Assert.Equal(("web", send.SpanId), (clientSend.Resource, clientSend.ParentSpanId));
        Assert.Equal("chat", broadcast.Resource);
        Assert.Contains(clientSend, Ancestors(trace, broadcast));
        Assert.All(receives, receive => Assert.Contains(broadcast, Ancestors(trace, receive)));
        // One trace: every span of it descends from the page's send.
        Assert.All(trace.Where(s => s != send), span => Assert.Contains(send, Ancestors(trace, span)));
    }

    [Fact]
    public async Task DirectMessageFromThePage_ItsTextIsInNoLogLineSpanNameOrAttribute_TheDashboardHolds()
    {
        var me = UniqueName.For("whisperer");
        var secret = $"the spare key is under the blue pot {Guid.NewGuid():N}";
        await using var page = await ChatPage.JoinedAsync(browser, app.WebUrl, me);

        await page.SendAsync($"@bob {secret}");

        await Expect(page.Line("you → bob", secret)).ToHaveCountAsync(1);
        var traceId = await TraceOfSendAsync(me);
        await app.Telemetry.WaitForTraceAsync(
            spans => spans[0].TraceId == traceId && spans.Any(s => s is { Resource: "chat", Name: "chat.direct_message" }) && spans.Any(s => s is { Resource: "bob", Name: "chat.receive" }),
            $"the trace of {me}'s direct message, received by bob");
        await TimeoutExtensions.WaitUntilAsync(async () => (await app.Telemetry.ReadAsync("logs")).Contains($"{me} sent direct message", StringComparison.Ordinal), $"chat's log of {me}'s direct message");

        var logs = await app.Telemetry.ReadAsync("logs");
        var spans = await app.Telemetry.ReadAsync("spans");

        Assert.DoesNotContain(secret, logs);
        Assert.DoesNotContain(secret, spans);
    }

    // The trace the page's send of this user started (its web.send span), once the dashboard holds it.
    private async Task<string> TraceOfSendAsync(string username)
    {
        string? traceId = null;
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            var data = JsonNode.Parse(await app.Telemetry.ReadAsync("spans"))?["data"]?["resourceSpans"]?.AsArray() ?? [];
            traceId = data
                .SelectMany(resource => resource?["scopeSpans"]?.AsArray() ?? [])
                .SelectMany(scope => scope?["spans"]?.AsArray() ?? [])
                .Where(span => (string?)span?["name"] == "web.send" && AttributeOf(span, "chat.user") == username)
                .Select(span => (string?)span?["traceId"])
                .FirstOrDefault();
            return traceId is not null;
        }, $"the dashboard holds {username}'s web.send", TimeoutExtensions.StartupTimeoutSpan, TimeSpan.FromMilliseconds(500));
        return traceId!;
    }

    private static string? AttributeOf(JsonNode? span, string key) =>
        span?["attributes"]?.AsArray().FirstOrDefault(a => (string?)a?["key"] == key)?["value"]?["stringValue"]?.GetValue<string>();

    // The span's parent, its parent's parent, and so on, as far as the trace holds them.
    private static List<DashboardSpan> Ancestors(IReadOnlyList<DashboardSpan> trace, DashboardSpan span)
    {
        var ancestors = new List<DashboardSpan>();
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null && !ancestors.Contains(parent); parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            ancestors.Add(parent);
        }
        return ancestors;
    }
}
