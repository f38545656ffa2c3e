namespace AspireChat.Hosting.ApplicationModel;

// An endpoint of one replica, with the port it was given. Ports stay the same across restarts,
// so that the resources referencing it keep working.
public sealed record AllocatedEndpoint(string Name, string Scheme, int Port)
{
    public Uri Url { get; } = new($"{Scheme}://localhost:{Port}");
}
