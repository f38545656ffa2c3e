using AspireChat.ChatService.Backplane;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Messaging;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Room;

// Removes users whose grace period has passed, so their names are free and LEFT notices go out
// even when nobody asks for the name again; keeps the names online for the next start. In a shared
// room it also renews the names of this replica's listeners (they expire in Redis otherwise).
public sealed class IdleUserSweeper(ChatRoom room, IOptions<ChatOptions> options, TimeProvider timeProvider, ILogger<IdleUserSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                room.ExpireIdleUsers();
                room.Users.SaveNames();
                await RenewSharedSessionsAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the names online now are the ones held after the restart.
            room.Users.SaveNames(force: true);
        }
    }

    private async Task RenewSharedSessionsAsync()
    {
        try
        {
            await room.RenewSessionsAsync();
        }
        catch (StoreUnavailableException ex)
        {
            // Names last a grace period in Redis: the next tick renews them, well within it.
            BackplaneLog.Unavailable(logger, ex);
        }
    }
}
