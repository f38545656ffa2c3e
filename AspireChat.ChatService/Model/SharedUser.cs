namespace AspireChat.ChatService.Model;

// A name as a shared store holds it, for every replica: Id is unique across them. IsNew is false
// when the same caller registered it before (a retry keeps its session).
public sealed record SharedUser(long Id, string Name, string SessionToken, DateTimeOffset OnlineSince, bool IsNew = false);
