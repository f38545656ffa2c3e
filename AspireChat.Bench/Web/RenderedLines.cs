namespace AspireChat.Bench.Web;

// What runs in each page: a MutationObserver on the conversation that, for every new line whose
// text carries a bench marker ("bench <seq> <sent unix ms>"), records its number and the moment
// the line entered the page (wall clock in milliseconds, the bench's clock on this machine), and
// the scripts that read those records back. A node seen once is never counted again, so that
// only a second line for one message counts as a duplicate, never a node Blazor moved.
internal static class RenderedLines
{
    public const string Install = """
        () => {
            const list = document.querySelector('ol.messages');
            const seen = new WeakSet();
            const marker = /bench (\d+) \d+/;
            window.__benchRendered = [];
            new MutationObserver(records => {
                const now = performance.timeOrigin + performance.now();
                for (const record of records) {
                    for (const node of record.addedNodes) {
                        if (node.nodeType !== Node.ELEMENT_NODE || !node.matches('li.line') || seen.has(node)) continue;
                        seen.add(node);
                        const match = marker.exec(node.querySelector('.text')?.textContent ?? '');
                        if (match) window.__benchRendered.push([Number(match[1]), now]);
                    }
                }
            }).observe(list, { childList: true });
        }
        """;

    public const string Count = "() => window.__benchRendered.length";

    // [seq, rendered unix ms] pairs, in the order the lines entered the page.
    public const string Collect = "() => window.__benchRendered";

    // The marker a message carries: its number and its scheduled send time.
    public static string Marker(long seq, double sentUnixMs) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bench {seq} {sentUnixMs:F0}");
}
