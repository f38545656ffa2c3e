using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AspireChat.Hosting.Orchestration;

// The latest snapshot of every resource instance, and a feed of changes to wait on or watch.
public sealed class ResourceNotificationService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ResourceSnapshot> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<ResourceSnapshot>> _watchers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ResourceNotificationService(IEnumerable<ResourceInstance> instances)
    {
        foreach (var instance in instances)
        {
            _latest[instance.Name] = ResourceSnapshot.Initial(instance);
        }
    }

    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        lock (_lock)
        {
            return [.. _latest.Values];
        }
    }

    // The snapshots of every instance of a resource (one per replica), or of one instance by its name.
    public IReadOnlyList<ResourceSnapshot> GetSnapshots(string resourceName)
    {
        var snapshots = GetSnapshots()
            .Where(s => string.Equals(s.ResourceName, resourceName, StringComparison.OrdinalIgnoreCase) || string.Equals(s.InstanceName, resourceName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return snapshots.Count > 0 ? snapshots : throw UnknownResource(resourceName);
    }

    // Every snapshot now, then every change, until cancelled.
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A watcher that falls 1,000 changes behind loses the oldest; GetSnapshots has the current state.
        var channel = Channel.CreateBounded<ResourceSnapshot>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            foreach (var snapshot in _latest.Values)
            {
                channel.Writer.TryWrite(snapshot);
            }
            _watchers.Add(channel);
        }
        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(channel);
            }
        }
    }

    // Waits until every instance of the resource satisfies the condition.
    public async Task<IReadOnlyList<ResourceSnapshot>> WaitForResourceAsync(string resourceName, Func<ResourceSnapshot, bool> condition, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }
            var snapshots = GetSnapshots(resourceName);
            if (snapshots.All(condition))
            {
                return snapshots;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<ResourceSnapshot>> WaitForResourceAsync(string resourceName, ResourceState state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, s => s.State == state, cancellationToken);

    // Waits until every instance runs and passes its health check; fails at once if one cannot start.
    public async Task<IReadOnlyList<ResourceSnapshot>> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }
            var snapshots = GetSnapshots(resourceName);
            // Any replica that failed fails the wait, whatever the others are doing.
            if (snapshots.FirstOrDefault(s => s.HasFailed) is { } failed)
            {
                throw new InvalidOperationException($"Resource '{failed.InstanceName}' will not become healthy: it is {failed.State}{(failed.Message is null ? "" : $" ({failed.Message})")}.");
            }
            if (snapshots.All(s => s.IsHealthy))
            {
                return snapshots;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal ResourceSnapshot Get(string instanceName)
    {
        lock (_lock)
        {
            return _latest[instanceName];
        }
    }

    internal ResourceSnapshot Publish(string instanceName, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        ResourceSnapshot snapshot;
        TaskCompletionSource changed;
        lock (_lock)
        {
            snapshot = update(_latest[instanceName]);
            _latest[instanceName] = snapshot;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(snapshot);
            }
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.SetResult();
        return snapshot;
    }

    internal static ArgumentException UnknownResource(string name) => new($"The app has no resource named '{name}'.", nameof(name));
}
