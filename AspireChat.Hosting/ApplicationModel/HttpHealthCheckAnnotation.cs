namespace AspireChat.Hosting.ApplicationModel;

// Healthy while GET <endpoint><Path> answers with a success status.
public sealed record HttpHealthCheckAnnotation(string Path, string EndpointName);
