using AspireChat.Dashboard.Configuration;
using AspireChat.Dashboard.Model;
using AspireChat.Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace AspireChat.Dashboard.Resources;

// What the AppHost has reported: its resources and, per instance, the latest console lines
// (bounded by Dashboard:TelemetryLimits:MaxConsoleLogCount). Empty when the dashboard runs standalone.
internal sealed class ResourceStore(TelemetryStore telemetry, IOptions<DashboardOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ResourceView> _resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<ConsoleLine>> _console = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _lastSequence = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _consoleCapacity = options.Value.TelemetryLimits.MaxConsoleLogCount;

    public bool IsConnected { get; private set; }

    public IReadOnlyList<ResourceView> GetResources()
    {
        lock (_lock)
        {
            return [.. _resources.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
        }
    }

    public IReadOnlyList<ConsoleLine> GetConsoleLines(string instanceName, long after = 0)
    {
        lock (_lock)
        {
            return _console.TryGetValue(instanceName, out var lines) ? [.. lines.Where(l => l.Sequence > after)] : [];
        }
    }

    public void SetConnected(bool connected)
    {
        IsConnected = connected;
        telemetry.Notify(TelemetryKind.Resources);
    }

    public void Update(ResourceView resource)
    {
        lock (_lock)
        {
            _resources[resource.Name] = resource;
        }
        telemetry.Notify(TelemetryKind.Resources);
    }

    public void AddConsoleLines(string instanceName, IEnumerable<ConsoleLine> lines)
    {
        lock (_lock)
        {
            if (!_console.TryGetValue(instanceName, out var buffer))
            {
                buffer = new Queue<ConsoleLine>();
                _console[instanceName] = buffer;
            }
            var last = _lastSequence.GetValueOrDefault(instanceName);
            // A rewatch after a reconnect replays what is already here.
            foreach (var line in lines.Where(l => l.Sequence > last))
            {
                buffer.Enqueue(line);
                _lastSequence[instanceName] = line.Sequence;
                if (buffer.Count > _consoleCapacity)
                {
                    buffer.Dequeue();
                }
            }
        }
        telemetry.Notify(TelemetryKind.ConsoleLogs);
    }
}
