namespace AspireChat.Hosting.Orchestration;

// The states of a resource instance, with Aspire's names.
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Stopping,
    Exited,
    FailedToStart,
}
