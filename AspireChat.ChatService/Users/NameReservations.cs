using System.Text.Json;
using AspireChat.ChatService.Configuration;
using AspireChat.Conventions;

namespace AspireChat.ChatService.Users;

// The names online, kept in <Chat:StateDirectory>/names.json (written by the sweeper when they
// change, and when the service stops), so that after a restart those names are held for their
// owners for Chat:RestartHoldPeriod: only a caller with the name's session token can take one
// then. Names written longer ago than the reconnect grace period are not held (their owners'
// grace had passed). A hold period of zero turns this off.
public sealed class NameReservations
{
    private const string FileName = "names.json";
    private readonly string? _path;
    // By UsernameKey: case-insensitive, as names online are.
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly TimeSpan _holdPeriod;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;

    public NameReservations(ChatOptions options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _started = timeProvider.GetTimestamp();
        _holdPeriod = options.RestartHoldPeriod;
        if (_holdPeriod <= TimeSpan.Zero)
        {
            return;
        }
        _path = Path.Combine(options.StateDirectory, FileName);
        if (File.Exists(_path) && timeProvider.GetUtcNow() - File.GetLastWriteTimeUtc(_path) < options.ReconnectGracePeriod)
        {
            _held.UnionWith(Read(_path).Select(Usernames.Key));
        }
    }

    public static NameReservations None { get; } = new(new ChatOptions { RestartHoldPeriod = TimeSpan.Zero }, TimeProvider.System);

    public bool IsHeld(string username) =>
        _held.Count > 0 && _timeProvider.GetElapsedTime(_started) < _holdPeriod && _held.Contains(Usernames.Key(username));

    public void Save(IReadOnlyCollection<string> online)
    {
        if (_path is null)
        {
            return;
        }
        StateDirectory.Create(Path.GetDirectoryName(_path)!);
        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(online));
        File.Move(temporary, _path, overwrite: true);
    }

    private static string[] Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) ?? [];
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return [];
        }
    }
}
