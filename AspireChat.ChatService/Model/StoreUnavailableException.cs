namespace AspireChat.ChatService.Model;

// The room's store (Redis) could not be reached, did not answer in time, or refused for want of
// memory: the caller is told so (UNAVAILABLE), with whether anything was done, instead of being
// answered as if it had worked.
public sealed class StoreUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    // Redis answered, but is full: it is not away, and its log line says so.
    public bool IsOutOfMemory { get; init; }
}
