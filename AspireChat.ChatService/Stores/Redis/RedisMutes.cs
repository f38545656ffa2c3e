using System.Globalization;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Stores.Redis;

// A mute as its key in Redis holds it: "<until, unix ms> <reason>" (the reason may have spaces).
internal static class RedisMutes
{
    public static string Encode(Mute mute) => string.Create(CultureInfo.InvariantCulture, $"{mute.Until.ToUnixTimeMilliseconds()} {mute.Reason}");

    public static Mute? Decode(string? value) =>
        value?.Split(' ', 2) is [var until, var reason] && long.TryParse(until, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            ? new Mute(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), reason)
            : null;
}
