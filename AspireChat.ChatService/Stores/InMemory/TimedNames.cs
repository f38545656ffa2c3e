using AspireChat.Conventions;

namespace AspireChat.ChatService.Stores.InMemory;

// Values kept for a name (by Usernames.Key, as names are compared) until a time, by the room's
// clock: past it, a name has none. Thread-safe.
internal sealed class TimedNames<T>(TimeProvider timeProvider, Func<T, DateTimeOffset> until)
    where T : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);

    public void Set(string name, T value)
    {
        lock (_lock)
        {
            _byKey[Usernames.Key(name)] = value;
        }
    }

    public T? Find(string name)
    {
        lock (_lock)
        {
            return _byKey.TryGetValue(Usernames.Key(name), out var value) && IsCurrent(value) ? value : default;
        }
    }

    // False when the name had no value, or one that had ended.
    public bool Remove(string name)
    {
        lock (_lock)
        {
            return _byKey.Remove(Usernames.Key(name), out var value) && IsCurrent(value);
        }
    }

    // Forgets the values that have ended.
    public void Sweep()
    {
        lock (_lock)
        {
            foreach (var (key, value) in _byKey.Where(entry => !IsCurrent(entry.Value)).ToArray())
            {
                _byKey.Remove(key);
            }
        }
    }

    private bool IsCurrent(T value) => until(value) > timeProvider.GetUtcNow();
}
