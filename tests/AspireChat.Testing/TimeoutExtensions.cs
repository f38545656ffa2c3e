namespace AspireChat.Testing;

// Every await in a test has a deadline.
public static class TimeoutExtensions
{
    public static readonly TimeSpan DefaultTimeoutSpan = TimeSpan.FromSeconds(20);

    // Starting a whole app (a chat service and bots as processes) on a busy machine takes longer.
    public static readonly TimeSpan StartupTimeoutSpan = TimeSpan.FromSeconds(60);

    public static Task DefaultTimeout(this Task task) => task.WaitAsync(DefaultTimeoutSpan);

    public static Task StartupTimeout(this Task task) => task.WaitAsync(StartupTimeoutSpan);

    public static Task<T> StartupTimeout<T>(this Task<T> task) => task.WaitAsync(StartupTimeoutSpan);

    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(DefaultTimeoutSpan);

    public static Task<T> DefaultTimeout<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(DefaultTimeoutSpan);

    // Polls a condition until it holds, or fails at the deadline (the default one unless given).
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeoutSpan);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }
}
