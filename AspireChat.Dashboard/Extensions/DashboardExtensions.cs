using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using AspireChat.Dashboard.Api;
using AspireChat.Dashboard.Configuration;
using AspireChat.Dashboard.Otlp;
using AspireChat.Dashboard.Resources;
using AspireChat.Dashboard.Security;
using AspireChat.Dashboard.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AspireChat.Dashboard.Extensions;

internal static partial class DashboardExtensions
{
    // Aspire's switch: no login for the UI and no API key for OTLP, for a machine of one's own.
    private const string UnsecuredSwitch = "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var unsecured = configuration.GetValue<bool>(UnsecuredSwitch);

        builder.Services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .PostConfigure(options =>
            {
                if (unsecured)
                {
                    options.Frontend.AuthMode = AuthMode.Unsecured;
                    options.Otlp.AuthMode = AuthMode.Unsecured;
                }
                if (options.Frontend.AuthMode == AuthMode.BrowserToken && string.IsNullOrEmpty(options.Frontend.BrowserToken))
                {
                    options.Frontend.BrowserToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                }
                options.ResourceServiceClient.Url ??= configuration.GetValue<Uri?>("DOTNET_RESOURCE_SERVICE_ENDPOINT_URL");
            })
            .Validate(o => Validator.TryValidateObject(o.TelemetryLimits, new ValidationContext(o.TelemetryLimits), null, validateAllProperties: true),
                "Dashboard:TelemetryLimits has a value out of range; each limit must be at least 1.")
            .Validate(o => o.Otlp.AuthMode != AuthMode.ApiKey || !string.IsNullOrEmpty(o.Otlp.PrimaryApiKey),
                "Dashboard:Otlp:AuthMode is ApiKey, so Dashboard:Otlp:PrimaryApiKey must be set.")
            .Validate(o => o.Frontend.AuthMode is AuthMode.BrowserToken or AuthMode.Unsecured,
                "Dashboard:Frontend:AuthMode must be BrowserToken or Unsecured.")
            .ValidateOnStart();

        builder.Services.AddSingleton<TelemetryStore>();
        builder.Services.AddSingleton<OtlpIngestion>();
        builder.Services.AddSingleton<OtlpApiKey>();
        builder.Services.AddSingleton<ResourceStore>();
        builder.Services.AddSingleton<ResourceServiceClient>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ResourceServiceClient>());
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = 64 * 1024 * 1024);
        builder.Services.AddHealthChecks();
        // Login cookies last as long as the process: each start prints a new login URL anyway.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = ".AspireChat.Dashboard";
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = BrowserTokenLogin.Path;
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = TimeSpan.FromDays(3);
                options.Events.OnRedirectToLogin = context =>
                {
                    // Nothing here (or not on this port): not found, rather than a login that cannot help.
                    if (context.HttpContext.GetEndpoint() is null)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                    }
                    // The UI's API answers 401; pages go to the login page.
                    else if (context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization(options =>
        {
            if (!unsecured && !string.Equals(configuration["Dashboard:Frontend:AuthMode"], nameof(AuthMode.Unsecured), StringComparison.OrdinalIgnoreCase))
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            }
        });
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();

        // Each part answers on its own port only (when the ports are set, as they are by default).
        var ui = app.MapGroup("").OnPortOf(app, "http");
        ui.MapBrowserTokenLogin();
        ui.MapGet("/", () => Results.File(Path.Combine(app.Environment.WebRootPath, "index.html"), "text/html; charset=utf-8"));
        ui.MapDashboardApi();

        var otlpGrpc = app.MapGroup("").OnPortOf(app, "otlpGrpc").AllowAnonymous();
        otlpGrpc.MapGrpcService<OtlpTraceService>();
        otlpGrpc.MapGrpcService<OtlpLogsService>();
        otlpGrpc.MapGrpcService<OtlpMetricsService>();
        app.MapGroup("").OnPortOf(app, "otlpHttp").MapOtlpHttp();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceLogin(app));
        return app;
    }

    private static RouteGroupBuilder OnPortOf(this RouteGroupBuilder group, WebApplication app, string endpoint) =>
        Uri.TryCreate(app.Configuration[$"Kestrel:Endpoints:{endpoint}:Url"], UriKind.Absolute, out var url) && url.Port > 0
            ? group.RequireHost($"*:{url.Port}")
            : group;

    private static void AnnounceLogin(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var url = (app.Configuration["Kestrel:Endpoints:http:Url"] ?? app.Urls.FirstOrDefault() ?? "http://localhost:18888").TrimEnd('/');
        var otlp = $"{app.Configuration["Kestrel:Endpoints:otlpGrpc:Url"]} (gRPC), {app.Configuration["Kestrel:Endpoints:otlpHttp:Url"]} (HTTP)";
        if (options.Frontend.AuthMode == AuthMode.BrowserToken)
        {
            LogLoginUrl(app.Logger, $"{url}{BrowserTokenLogin.Path}?t={options.Frontend.BrowserToken}", otlp);
        }
        else
        {
            LogUnsecured(app.Logger, url, otlp);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Login to the dashboard at {LoginUrl} ; OTLP receivers: {Otlp}", EventName = "LoginUrl")]
    private static partial void LogLoginUrl(ILogger logger, string loginUrl, string otlp);

    [LoggerMessage(2, LogLevel.Warning, "The dashboard is unsecured: anyone who can reach {Url} sees it; OTLP receivers: {Otlp}", EventName = "Unsecured")]
    private static partial void LogUnsecured(ILogger logger, string url, string otlp);
}
