using AspireChat.ChatService.Configuration;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Room;

// Sweeps the room every interval (ChatRoom.SweepAsync), so that names are freed and LEFT notices
// go out even when nobody asks for the name again, and a shared room's names stay online while
// their listeners do; keeps the names online for the next start.
public sealed class IdleUserSweeper(ChatRoom room, IOptions<ChatOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await room.SweepAsync();
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
