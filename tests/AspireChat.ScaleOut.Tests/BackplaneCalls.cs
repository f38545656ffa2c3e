using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.ScaleOut.Tests;

// What the fault tests ask of a replica while Redis misbehaves, and how they judge its answers.
internal static class BackplaneCalls
{
    public static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    // Sends until a send is answered: the replicas reconnect to Redis by themselves. Attempts
    // refused as UNAVAILABLE meanwhile are retried with new text, so any that leaked would show.
    public static async Task<(string Text, MessageResponse Response)> SendUntilSentAsync(ChatTestClient client, string text)
    {
        var attempt = 0;
        (string Text, MessageResponse Response)? answered = null;
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            var attemptText = $"{text} (attempt {++attempt})";
            var outcome = await TryAsync(client.SendAsync(attemptText));
            if (outcome.Error is { } unexpected && (unexpected.StatusCode != StatusCode.Unavailable || IsConnectionError(unexpected)))
            {
                throw new InvalidOperationException($"'{attemptText}' failed with {unexpected.StatusCode}: {unexpected.Status.Detail}", unexpected);
            }
            answered = outcome.Response is { } response ? (attemptText, response) : null;
            return answered is not null;
        }, $"a send is answered again after the outage ('{text}')", RecoveryTimeout, TimeSpan.FromMilliseconds(200));
        return answered!.Value;
    }

    public static async Task<(TResponse? Response, RpcException? Error)> TryAsync<TResponse>(Task<TResponse> call)
        where TResponse : class
    {
        try
        {
            return (await call, null);
        }
        catch (RpcException ex)
        {
            return (null, ex);
        }
    }

    // UNAVAILABLE from the replica itself, saying why: not an answer, and not the client's own
    // "cannot connect" (which would mean the replica is gone).
    public static void AssertUnavailable<TResponse>((TResponse? Response, RpcException? Error) outcome, string what)
        where TResponse : class
    {
        Assert.True(outcome.Error is not null, $"{what} was answered: {outcome.Response}");
        Assert.True(outcome.Error.StatusCode == StatusCode.Unavailable, $"{what}: {outcome.Error.StatusCode} {outcome.Error.Status.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error.Status.Detail), $"{what}: UNAVAILABLE without a detail");
        Assert.False(IsConnectionError(outcome.Error), $"{what}: the client could not reach the replica: {outcome.Error.Status.Detail}");
    }

    // A status the client made up itself (it could not reach the replica, or the connection
    // broke): only those carry a DebugException; a replica's own answer never does.
    public static bool IsConnectionError(RpcException error) =>
        error.Status.DebugException is not null || error.Status.Detail.Contains("subchannel", StringComparison.OrdinalIgnoreCase);
}
