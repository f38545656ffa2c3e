using Microsoft.AspNetCore.SignalR;

namespace AspireChat.Bench.Servers;

// The chat room as a SignalR developer writes it: join with a name, send to everyone, send to
// one connection, or send to one user as SignalR addresses users (`Clients.User`, by the name
// the connection gave when it connected: NameUserIdProvider). Each message goes out as
// Message(from, text, sequence).
internal sealed class ChatHub(SignalRRoom room) : Hub
{
    private const string NameKey = "name";

    // False when the name is taken, or is not the one the connection connected as.
    public bool Join(string name)
    {
        if (Context.Items.ContainsKey(NameKey) || (Context.UserIdentifier is { } user && user != name) || !room.TryJoin(name, Context.ConnectionId))
        {
            return false;
        }
        Context.Items[NameKey] = name;
        return true;
    }

    // The message's sequence number, once it is written to every connection.
    public async Task<long> Send(string text)
    {
        var (sequence, sent) = room.Publish(Clients.All, Name(), text);
        await sent;
        return sequence;
    }

    // The message's sequence number, or null when no such user is here.
    public async Task<long?> SendTo(string user, string text)
    {
        if (!room.TryFind(user, out var connectionId))
        {
            return null;
        }
        var (sequence, sent) = room.Publish(Clients.Client(connectionId), Name(), text);
        await sent;
        return sequence;
    }

    // The message's sequence number, once it is written to every connection of that user (none
    // when the user is not connected: SignalR does not say).
    public async Task<long> SendToUser(string user, string text)
    {
        var (sequence, sent) = room.Publish(Clients.User(user), Name(), text);
        await sent;
        return sequence;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(NameKey, out var name))
        {
            room.Leave((string)name!, Context.ConnectionId);
        }
        return base.OnDisconnectedAsync(exception);
    }

    private string Name() => Context.Items.TryGetValue(NameKey, out var name) ? (string)name! : throw new HubException("Join with a name first.");
}
