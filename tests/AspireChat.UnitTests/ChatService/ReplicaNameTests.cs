using AspireChat.ChatService.Configuration;

namespace AspireChat.UnitTests.ChatService;

// A replica is named as Aspire's dashboard names it: its OpenTelemetry service name and
// service.instance.id.
public sealed class ReplicaNameTests
{
    [Theory]
    [InlineData("service.instance.id=chat-x7k2p", "chat-x7k2p")]
    [InlineData("service.name=chat, service.instance.id = chat-x7k2p ,deployment.environment=dev", "chat-x7k2p")]
    [InlineData("service.instance.id=chat%20one", "chat one")]
    public void DefaultReplicaName_IsTheServiceInstanceId(string attributes, string expected) =>
        Assert.Equal(expected, ChatOptions.DefaultReplicaName(attributes));

    [Theory]
    [InlineData("service.instance.id=x7k2pqbn", "chat", "chat-x7k2pqbn")]
    [InlineData("service.instance.id=chat-x7k2pqbn", "chat", "chat-x7k2pqbn")]
    [InlineData("service.instance.id=x7k2pqbn", "", "x7k2pqbn")]
    public void DefaultReplicaName_UnderAspire_IsTheServiceAndItsInstance(string attributes, string serviceName, string expected) =>
        Assert.Equal(expected, ChatOptions.DefaultReplicaName(attributes, serviceName));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("service.name=chat")]
    [InlineData("service.instance.id=")]
    [InlineData("service.instance.id")]
    public void DefaultReplicaName_WithoutAnInstanceId_IsTheMachineAndProcess(string? attributes) =>
        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", ChatOptions.DefaultReplicaName(attributes));

    [Fact]
    public void DefaultReplicaName_TooLongAnId_IsNotUsed() =>
        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", ChatOptions.DefaultReplicaName($"service.instance.id={new string('x', ChatOptions.MaxReplicaNameLength + 1)}"));
}
