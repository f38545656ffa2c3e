namespace AspireChat.Client.Connection;

/// <summary>
/// The service forgot the session (it restarted, or the grace period after the last stream
/// passed) and the username could not be registered again: somebody else has it now. Register
/// again, with this name later or with another.
/// </summary>
/// <param name="message">Which name, and the service's reason.</param>
public sealed class ChatSessionLostException(string message) : Exception(message);
