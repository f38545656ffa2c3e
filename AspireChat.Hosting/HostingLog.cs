using Microsoft.Extensions.Logging;

namespace AspireChat.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(1, LogLevel.Warning, "Resources cannot be isolated here (that needs Linux with setsid and setpriv): if the AppHost is killed, they may outlive it", EventName = "ChildrenNotIsolated")]
    public static partial void ChildrenNotIsolated(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "{Resource} is waiting for {Dependencies} to be healthy", EventName = "ResourceWaiting")]
    public static partial void ResourceWaiting(ILogger logger, string resource, string dependencies);

    [LoggerMessage(3, LogLevel.Information, "{Resource} started as process {ProcessId}{Endpoints}", EventName = "ResourceStarted")]
    public static partial void ResourceStarted(ILogger logger, string resource, int processId, string endpoints);

    [LoggerMessage(4, LogLevel.Information, "{Resource} is healthy", EventName = "ResourceHealthy")]
    public static partial void ResourceHealthy(ILogger logger, string resource);

    [LoggerMessage(5, LogLevel.Warning, "{Resource} is unhealthy: {Reason}", EventName = "ResourceUnhealthy")]
    public static partial void ResourceUnhealthy(ILogger logger, string resource, string reason);

    [LoggerMessage(6, LogLevel.Warning, "{Resource} exited with code {ExitCode}; restarting it in {Delay}", EventName = "ResourceCrashed")]
    public static partial void ResourceCrashed(ILogger logger, string resource, int exitCode, TimeSpan delay);

    [LoggerMessage(7, LogLevel.Information, "{Resource} exited with code {ExitCode}", EventName = "ResourceExited")]
    public static partial void ResourceExited(ILogger logger, string resource, int exitCode);

    [LoggerMessage(8, LogLevel.Error, "{Resource} failed to start: {Reason}", EventName = "ResourceFailedToStart")]
    public static partial void ResourceFailedToStart(ILogger logger, string resource, string reason);

    [LoggerMessage(9, LogLevel.Warning, "{Resource} did not stop within {Timeout}; killing it", EventName = "ResourceKilled")]
    public static partial void ResourceKilled(ILogger logger, string resource, TimeSpan timeout);

    [LoggerMessage(10, LogLevel.Information, "All resources are up: {Resources}", EventName = "AllResourcesUp")]
    public static partial void AllResourcesUp(ILogger logger, string resources);

    [LoggerMessage(11, LogLevel.Information, "Stopped {Resource}", EventName = "ResourceStopped")]
    public static partial void ResourceStopped(ILogger logger, string resource);

    [LoggerMessage(12, LogLevel.Information, "Login to the dashboard at {LoginUrl}", EventName = "DashboardLogin")]
    public static partial void DashboardLogin(ILogger logger, Uri loginUrl);

    [LoggerMessage(13, LogLevel.Error, "{Resource} could not be stopped gracefully", EventName = "ResourceStopFailed")]
    public static partial void ResourceStopFailed(ILogger logger, string resource, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "The dashboard is at {Url}, unsecured (ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS): anyone on this machine can open it", EventName = "DashboardUnsecured")]
    public static partial void DashboardUnsecured(ILogger logger, Uri url);
}
