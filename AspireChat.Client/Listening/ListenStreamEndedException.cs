namespace AspireChat.Client.Listening;

// The service ended a Listen stream without an error: as lost as a failed one, for the reconnect.
internal sealed class ListenStreamEndedException() : Exception("the service ended the stream");
