using System.Net.Sockets;
using System.Text;

namespace AspireChat.Tests.Infrastructure;

// One command to a real Redis over its own protocol (RESP), for checks from outside:
// `PING`, `CONFIG GET appendonly`, `INFO commandstats`. Replies come back flat: ["+PONG"],
// ["appendonly", "yes"].
public static class RedisProbe
{
    public static async Task<IReadOnlyList<string>> CommandAsync(Uri endpoint, params string[] command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port).DefaultTimeout();
        var stream = client.GetStream();
        var request = new StringBuilder($"*{command.Length}\r\n");
        foreach (var part in command)
        {
            request.Append($"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString())).AsTask().DefaultTimeout();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await ReadReplyAsync(reader);
    }

    // Simple strings, errors and integers keep their type mark; bulk strings and arrays do not.
    private static async Task<IReadOnlyList<string>> ReadReplyAsync(StreamReader reader)
    {
        var line = await reader.ReadLineAsync().DefaultTimeout() ?? throw new IOException("Redis closed the connection.");
        switch (line[0])
        {
            case '*':
                var items = new List<string>();
                for (var i = int.Parse(line[1..], System.Globalization.CultureInfo.InvariantCulture); i > 0; i--)
                {
                    items.AddRange(await ReadReplyAsync(reader));
                }
                return items;
            case '$':
                return line == "$-1" ? [] : [await ReadBulkAsync(reader, int.Parse(line[1..], System.Globalization.CultureInfo.InvariantCulture))];
            default:
                return [line];
        }
    }

    // A bulk string may span lines (INFO's does): lines are read until its length is reached.
    private static async Task<string> ReadBulkAsync(StreamReader reader, int length)
    {
        var bulk = new StringBuilder(await reader.ReadLineAsync().DefaultTimeout() ?? "");
        while (Encoding.UTF8.GetByteCount(bulk.ToString()) < length)
        {
            bulk.Append("\r\n").Append(await reader.ReadLineAsync().DefaultTimeout() ?? throw new IOException("Redis closed the connection."));
        }
        return bulk.ToString();
    }
}
