using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AspireChat.Dashboard.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace AspireChat.Dashboard.Security;

// The login URL printed at start (/login?t=<token>) exchanges the browser token for a cookie;
// the form on /login does the same for a token pasted by hand.
internal static class BrowserTokenLogin
{
    public const string Path = "/login";

    public static IEndpointRouteBuilder MapBrowserTokenLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, string? t, string? returnUrl, IOptions<DashboardOptions> options) =>
            t is null ? Task.FromResult(LoginPage(null, returnUrl)) : SignInAsync(context, t, returnUrl, options.Value))
            .AllowAnonymous();
        endpoints.MapPost(Path, async (HttpContext context, IOptions<DashboardOptions> options) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return await SignInAsync(context, form["t"].ToString(), form["returnUrl"].ToString(), options.Value);
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, string token, string? returnUrl, DashboardOptions options)
    {
        var expected = options.Frontend.BrowserToken ?? "";
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.Trim()), Encoding.UTF8.GetBytes(expected)))
        {
            return LoginPage("That token is not valid. Use the login URL the dashboard printed at start.", returnUrl, StatusCodes.Status401Unauthorized);
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard user")], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        // Only a path of this site: a login link must not send the browser elsewhere.
        return Results.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
    }

    // As ASP.NET Core's IsLocalUrl: "/x", never "//host" or "/\host", and no control characters.
    private static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static IResult LoginPage(string? error, string? returnUrl, int statusCode = StatusCodes.Status200OK)
    {
        var message = error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Log in · AspireChat dashboard</title><link rel="stylesheet" href="/app.css"></head>
            <body class="login">
              <main>
                <h1>AspireChat dashboard</h1>
                {message}
                <p>Open the login URL the dashboard (or the AppHost) printed at start, or paste its token here.</p>
                <form method="post" action="{Path}">
                  <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}">
                  <label>Token <input name="t" type="password" autocomplete="off" autofocus></label>
                  <button type="submit">Log in</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
