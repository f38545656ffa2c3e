using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

// Healthy when Redis answers a real PING: an open port alone says nothing, since Aspire's proxy
// accepts connections before redis-server listens behind it.
internal sealed class RedisPingHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    private static readonly byte[] s_ping = "PING\r\n"u8.ToArray();
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(s_ping, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            return answer.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"redis answered PING with '{answer.TrimEnd()}'");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"redis did not answer PING: {ex.Message}");
        }
    }
}
