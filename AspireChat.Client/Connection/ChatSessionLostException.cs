namespace AspireChat.Client.Connection;

// The service forgot the session (it restarted, or the grace period passed) and the username
// could not be registered again: somebody else has it now.
public sealed class ChatSessionLostException(string message) : Exception(message);
