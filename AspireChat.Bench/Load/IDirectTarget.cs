namespace AspireChat.Bench.Load;

// A server the bench sends direct messages through: the chat service (its `@name` rule, in one
// process or scaled out) or the SignalR hub (`Clients.User`). Users are numbered 0 to N-1 within
// one target; failures are reported in gRPC's terms, as IFanOutTarget's are.
internal interface IDirectTarget : IAsyncDisposable
{
    string Name { get; }

    // User `index` of `users`: registered, its stream of messages subscribed when this returns,
    // and able to send to any other user of this target by number.
    Task<DirectUser> JoinAsync(int index, int users, CancellationToken cancellationToken);
}
