namespace AspireChat.Client.Messaging;

/// <summary>
/// What <see cref="ChatClient.ListenAsync"/> yields: a <see cref="ChatMessageReceived"/>, or a
/// change of the connection (<see cref="ChatConnected"/>, <see cref="ChatConnectionLost"/>,
/// <see cref="ChatMessagesMissed"/>).
/// </summary>
public abstract record ChatEvent;
