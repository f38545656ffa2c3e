using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Messaging;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Users;

// Removes users whose grace period has passed, so their names are free and LEFT notices go out
// even when nobody asks for the name again; keeps the names online for the next start.
public sealed class IdleUserSweeper(ChatRoom room, IOptions<ChatOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(options.Value.ReconnectGracePeriod.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(5).Ticks));
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                room.ExpireIdleUsers();
                room.Users.SaveNames();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the names online now are the ones held after the restart.
            room.Users.SaveNames(force: true);
        }
    }
}
