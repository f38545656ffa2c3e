namespace AspireChat.ChatService.Backplane;

// Redis could not be reached (or did not answer in time): the call did nothing that anybody will
// see, and the caller is told so (UNAVAILABLE) instead of being answered as if it had worked.
public sealed class BackplaneUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
