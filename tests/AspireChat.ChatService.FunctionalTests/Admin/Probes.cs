using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Admin;

internal static class Probes
{
    // The next message that matches, past any that do not (other tests' messages in a shared room).
    public static async Task<TMessage> NextMatchingAsync<TMessage>(this StreamProbe<TMessage> probe, Func<TMessage, bool> match)
    {
        while (true)
        {
            var message = await probe.NextAsync();
            if (match(message))
            {
                return message;
            }
        }
    }
}
