using AspireChat.Conventions;

namespace AspireChat.ChatService.Stores.InMemory;

// Values kept for a name (by Usernames.Key, as names are compared) until a time, by the room's
// clock: past it, a name has none. Thread-safe.
internal sealed class TimedNames<T>(TimeProvider timeProvider, Func<T, DateTimeOffset> until)
    where T : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);
    // How many names have a value: Find is on every send's path, and with none (the usual case)
    // it neither normalises the name nor takes the lock.
    private volatile int _count;

    public void Set(string name, T value)
    {
        lock (_lock)
        {
            _byKey[Usernames.Key(name)] = value;
            _count = _byKey.Count;
        }
    }

    public T? Find(string name)
    {
        if (_count == 0)
        {
            return default;
        }
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
            var removed = _byKey.Remove(Usernames.Key(name), out var value);
            _count = _byKey.Count;
            return removed && IsCurrent(value!);
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
            _count = _byKey.Count;
        }
    }

    private bool IsCurrent(T value) => until(value) > timeProvider.GetUtcNow();
}
