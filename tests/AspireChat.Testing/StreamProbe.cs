using System.Threading.Channels;
using Grpc.Core;

namespace AspireChat.Testing;

// A Listen call read in the background, so a test can await the next message with a deadline.
// TMessage is the Message type of either contract (AspireChat's or the workshop's).
public sealed class StreamProbe<TMessage> : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<TMessage> _call;
    private readonly Func<TMessage, string> _textOf;
    private readonly Channel<TMessage> _received = Channel.CreateUnbounded<TMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public StreamProbe(AsyncServerStreamingCall<TMessage> call, Func<TMessage, string> textOf)
    {
        _call = call;
        _textOf = textOf;
        _pump = PumpAsync();
    }

    // The service writes the response headers once the listener is subscribed.
    public async Task<Metadata> ReadyAsync() => await _call.ResponseHeadersAsync.DefaultTimeout();

    // Completes when the stream ends; faults with the RpcException the service ended it with.
    public Task Completion => _pump;

    public Task<TMessage> NextAsync() => _received.Reader.ReadAsync().DefaultTimeout();

    public async Task<IReadOnlyList<TMessage>> NextAsync(int count)
    {
        var messages = new List<TMessage>(count);
        while (messages.Count < count)
        {
            messages.Add(await NextAsync());
        }
        return messages;
    }

    // Reads until a message with the given text; returns everything before it.
    public async Task<IReadOnlyList<TMessage>> ReadUntilAsync(string text)
    {
        var before = new List<TMessage>();
        for (var message = await NextAsync(); _textOf(message) != text; message = await NextAsync())
        {
            before.Add(message);
        }
        return before;
    }

    // Reads what is left until the stream ends, however it ends: a killed server's stream faults.
    public async Task<IReadOnlyList<TMessage>> ReadToEndAsync()
    {
        var messages = new List<TMessage>();
        using var deadline = new CancellationTokenSource(TimeoutExtensions.DefaultTimeoutSpan);
        try
        {
            await foreach (var message in _received.Reader.ReadAllAsync(deadline.Token))
            {
                messages.Add(message);
            }
        }
        catch (RpcException)
        {
            // The end of a stream whose server went away.
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The stream did not end; {messages.Count} messages read.");
        }
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        // Stop the reader before disposing the call it reads.
        await _stop.CancelAsync();
        try
        {
            await _pump.DefaultTimeout();
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException)
        {
        }
        _call.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var message in _call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                _received.Writer.TryWrite(message);
            }
            _received.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _received.Writer.TryComplete(ex);
            throw;
        }
    }
}
