using System.Security.Cryptography;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Web;

// The chat service (the suite's lifted limits: every page, listener and sender comes from one
// address) and the web app in front of it, each a process on free loopback ports, sharing a front-end
// key made for this run. Ready when the web app serves its page; disposed, both are killed.
internal sealed class WebServers : IAsyncDisposable
{
    private static readonly TimeSpan s_pageTimeout = TimeSpan.FromSeconds(60);

    private WebServers(LocalServer chat, LocalServer web)
    {
        Chat = chat;
        Web = web;
    }

    public LocalServer Chat { get; }

    public LocalServer Web { get; }

    public static async Task<WebServers> StartAsync(CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var chat = await LocalServer.StartChatServiceAsync(new Dictionary<string, string>(SuiteServers.LoadSettings) { ["Chat__FrontEndKey"] = key }, cancellationToken);
        LocalServer? web = null;
        try
        {
            web = await LocalServer.StartWebAppAsync(chat.GrpcUrl, key, cancellationToken);
            await WaitUntilServedAsync(web.HttpUrl, cancellationToken);
            return new WebServers(chat, web);
        }
        catch
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }
            await chat.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await Chat.DisposeAsync();
    }

    // Its port opens before the app is built; the page is served once it is.
    private static async Task WaitUntilServedAsync(Uri page, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_pageTimeout);
        try
        {
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync(page, deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not serving yet.
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The web app at {page} did not serve its page within {s_pageTimeout.TotalSeconds} s.");
        }
    }
}
