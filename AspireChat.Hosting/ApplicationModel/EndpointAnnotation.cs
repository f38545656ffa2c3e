namespace AspireChat.Hosting.ApplicationModel;

// An endpoint a resource listens on: a fixed port, or none for a free port chosen at build.
public sealed record EndpointAnnotation(string Name, string Scheme, int? Port);
