using System.Text;
using AspireChat.Protocol.Admin;

namespace AspireChat.AppHost.Operations;

// The online users as a Markdown table: one row a user, in the service's (name) order.
internal static class OnlineUsersTable
{
    public static string Markdown(IEnumerable<OnlineUserDetails> users, DateTimeOffset now)
    {
        var table = new StringBuilder()
            .AppendLine("| Name | Online for | Streams | Replicas | Muted until |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var user in users)
        {
            table.AppendLine($"| {OperatorText.Markdown(user.Username)} | {OperatorText.Duration(now - user.OnlineSince.ToDateTimeOffset())} | {Streams(user)} | {Replicas(user)} | {MutedUntil(user)} |");
        }
        return table.ToString();
    }

    // None while the user is within the reconnect grace period.
    private static string Streams(OnlineUserDetails user) =>
        user.Listeners == 0 ? "0 (reconnecting)" : $"{user.Listeners}";

    private static string Replicas(OnlineUserDetails user) =>
        user.Replicas.Count == 0 ? "–" : string.Join(", ", user.Replicas.Select(r => $"{OperatorText.Markdown(r.Replica)} ({r.Listeners})"));

    private static string MutedUntil(OnlineUserDetails user) =>
        user.MutedUntil is { } until ? OperatorText.Time(until) : "–";
}
