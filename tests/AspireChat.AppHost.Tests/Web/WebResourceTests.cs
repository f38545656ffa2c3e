using AspireChat.Testing;

namespace AspireChat.AppHost.Tests.Web;

// The web resource as Aspire runs it: healthy, and on the dashboard a link a person can follow.
[Collection(ChatAppCollection.Name)]
public sealed class WebResourceTests(ChatAppFixture app)
{
    [Fact]
    public async Task Web_IsHealthy_AndTheDashboardLinksThePage_AsChatInTheBrowser()
    {
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync("web").StartupTimeout();

        Assert.True(app.App.ResourceNotifications.TryGetCurrentState("web", out var web));
        var link = Assert.Single(web.Snapshot.Urls, url => url.DisplayProperties.DisplayName == "Chat in the browser");
        Assert.False(link.IsInternal);
        Assert.Equal(app.WebUrl, new Uri(link.Url));
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(link.Url)).DefaultTimeout();
        // The page renders in the browser (interactive server): what is served is Blazor's start.
        Assert.Contains("_framework/blazor.web", page);
    }
}
