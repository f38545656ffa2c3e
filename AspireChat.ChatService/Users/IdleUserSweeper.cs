using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Messaging;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Users;

// Removes users whose grace period has passed, so their names are free and LEFT notices go out
// even when nobody asks for the name again; and ends every Listen stream when the service stops.
public sealed class IdleUserSweeper(ChatRoom room, IOptions<ChatOptions> options, TimeProvider timeProvider, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before Kestrel drains its requests, so open Listen calls end instead of holding it up.
        using var stopping = lifetime.ApplicationStopping.Register(room.Stop);

        var period = TimeSpan.FromTicks(Math.Clamp(options.Value.ReconnectGracePeriod.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(5).Ticks));
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                room.ExpireIdleUsers();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
