namespace AspireChat.Testing;

// Clients and streams a test opens in loops, disposed together at its end (last opened first).
public sealed class AsyncDisposableList : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _items = [];

    public T Add<T>(T item) where T : IAsyncDisposable
    {
        _items.Add(item);
        return item;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _items.Count - 1; i >= 0; i--)
        {
            await _items[i].DisposeAsync();
        }
        _items.Clear();
    }
}
