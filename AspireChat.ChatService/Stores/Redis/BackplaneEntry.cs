using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Stores.Redis;

// A message as the backplane carries it: numbered in an epoch of the shared room.
public sealed record BackplaneEntry(string Epoch, ChatMessage Message);
