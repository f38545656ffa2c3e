namespace AspireChat.Hosting.Orchestration;

public enum ResourceHealth
{
    Unhealthy,
    Healthy,
}
