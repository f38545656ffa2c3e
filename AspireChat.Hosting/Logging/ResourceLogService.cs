using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AspireChat.Hosting.Orchestration;
using Microsoft.Extensions.Options;

namespace AspireChat.Hosting.Logging;

// The console output of every resource instance: a bounded buffer each, live watchers, and an
// echo to the AppHost's console prefixed by the instance name.
public sealed class ResourceLogService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<LogLine>> _buffers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _resourceOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, Channel<LogLine> Channel)> _watchers = [];
    private readonly int _capacity;
    private bool _echo;
    private readonly bool _echoColours = !Console.IsOutputRedirected;
    private readonly int _prefixWidth;
    private long _sequence;

    internal ResourceLogService(IOptions<AppHostOptions> options, IReadOnlyList<ResourceInstance> instances)
    {
        _capacity = options.Value.ConsoleLogCapacity;
        _echo = options.Value.EchoResourceLogs;
        foreach (var instance in instances)
        {
            _buffers[instance.Name] = new Queue<LogLine>();
            _resourceOf[instance.Name] = instance.Resource.Name;
        }
        _prefixWidth = instances.Count == 0 ? 0 : instances.Max(i => i.Name.Length);
    }

    // The lines kept for a resource (all its replicas) or one instance, oldest first.
    public IReadOnlyList<LogLine> GetLines(string name)
    {
        lock (_lock)
        {
            return [.. Matching(name).SelectMany(instance => _buffers[instance]).OrderBy(line => line.Sequence)];
        }
    }

    // The lines kept so far, then every new line, until cancelled.
    public async IAsyncEnumerable<LogLine> WatchAsync(string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(_capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            foreach (var line in Matching(name).SelectMany(instance => _buffers[instance]).OrderBy(line => line.Sequence))
            {
                channel.Writer.TryWrite(line);
            }
            _watchers.Add((name, channel));
        }
        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.RemoveAll(w => w.Channel == channel);
            }
        }
    }

    internal void Add(string instanceName, string text, bool isError)
    {
        lock (_lock)
        {
            var line = new LogLine(instanceName, ++_sequence, DateTimeOffset.UtcNow, text, isError);
            var buffer = _buffers[instanceName];
            if (buffer.Count == _capacity)
            {
                buffer.Dequeue();
            }
            buffer.Enqueue(line);
            foreach (var (name, channel) in _watchers)
            {
                if (IsMatch(name, instanceName))
                {
                    channel.Writer.TryWrite(line);
                }
            }
            // Echoed under the lock, so that the console shows lines in the order they were read.
            if (_echo)
            {
                try
                {
                    Console.Out.WriteLine($"{instanceName.PadRight(_prefixWidth)} | {(_echoColours ? text : line.PlainText)}");
                }
                catch (IOException)
                {
                    // The console went away (a closed pipe): keep the lines, stop echoing them.
                    _echo = false;
                }
            }
        }
    }

    private List<string> Matching(string name)
    {
        var instances = _buffers.Keys.Where(instance => IsMatch(name, instance)).ToList();
        return instances.Count > 0 ? instances : throw ResourceNotificationService.UnknownResource(name);
    }

    private bool IsMatch(string name, string instanceName) =>
        string.Equals(name, instanceName, StringComparison.OrdinalIgnoreCase) || string.Equals(name, _resourceOf[instanceName], StringComparison.OrdinalIgnoreCase);
}
