using System.Diagnostics;
using System.Globalization;

namespace AspireChat.Bench.Load;

// What a bench message says: when it was sent, by which sender, its number from that sender, and
// padding up to the message size. Works through any server of the contract, sequence numbers or not.
internal static class BenchText
{
    public static string Create(int sender, long counter, int size) => Create(sender, counter, size, Stopwatch.GetTimestamp());

    // sentAt: a Stopwatch timestamp, the moment the message counts as sent.
    public static string Create(int sender, long counter, int size, long sentAt)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"{sentAt}|{sender}|{counter}|");
        return head.Length >= size ? head : head + new string('x', size - head.Length);
    }

    public static bool TryParse(string text, out long sentAt, out int sender, out long counter)
    {
        sentAt = counter = sender = 0;
        var parts = text.Split('|', 4);
        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out sentAt)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out sender)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out counter);
    }
}
