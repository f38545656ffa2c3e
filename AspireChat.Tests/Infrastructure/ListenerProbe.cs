using System.Threading.Channels;
using AspireChat.Protocol;
using Grpc.Core;

namespace AspireChat.Tests.Infrastructure;

// A Listen call read in the background, so a test can await the next message with a deadline.
public sealed class ListenerProbe : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<Message> _call;
    private readonly Channel<Message> _received = Channel.CreateUnbounded<Message>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public ListenerProbe(AsyncServerStreamingCall<Message> call)
    {
        _call = call;
        _pump = PumpAsync();
    }

    // The service writes the response headers once the listener is subscribed.
    public async Task<Metadata> ReadyAsync() => await _call.ResponseHeadersAsync.DefaultTimeout();

    // Completes when the stream ends; faults with the RpcException the service ended it with.
    public Task Completion => _pump;

    public Task<Message> NextAsync() => _received.Reader.ReadAsync().DefaultTimeout();

    public async Task<IReadOnlyList<Message>> NextAsync(int count)
    {
        var messages = new List<Message>(count);
        while (messages.Count < count)
        {
            messages.Add(await NextAsync());
        }
        return messages;
    }

    // Reads until a message with the given text; returns everything before it.
    public async Task<IReadOnlyList<Message>> ReadUntilAsync(string text)
    {
        var before = new List<Message>();
        for (var message = await NextAsync(); message.Msg != text; message = await NextAsync())
        {
            before.Add(message);
        }
        return before;
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
