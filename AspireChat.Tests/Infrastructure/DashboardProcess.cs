using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AspireChat.Tests.Infrastructure;

// The dashboard run standalone, as a real process on free ports, with an OTLP API key: what any
// application's exporters talk to.
public sealed class DashboardProcess : IAsyncLifetime
{
    public const string BrowserToken = "fedcba9876543210fedcba9876543210";
    public const string ApiKey = "test-otlp-key";

    private readonly int _httpPort = FreePort.Next();
    private readonly int _otlpGrpcPort = FreePort.Next();
    private readonly int _otlpHttpPort = FreePort.Next();
    private readonly CookieContainer _cookies = new();
    private ProjectProcess? _process;
    private HttpClient? _api;

    public Uri Url => new($"http://127.0.0.1:{_httpPort}");

    public Uri OtlpGrpc => new($"http://127.0.0.1:{_otlpGrpcPort}");

    public Uri OtlpHttp => new($"http://127.0.0.1:{_otlpHttpPort}");

    public ProjectProcess Process => _process!;

    public async Task InitializeAsync()
    {
        var process = _process = ProjectProcess.Start("AspireChat.Dashboard",
        [
            $"--Kestrel:Endpoints:http:Url={Url}",
            $"--Kestrel:Endpoints:otlpGrpc:Url={OtlpGrpc}",
            $"--Kestrel:Endpoints:otlpHttp:Url={OtlpHttp}",
            $"--Dashboard:Frontend:BrowserToken={BrowserToken}",
            "--Dashboard:Otlp:AuthMode=ApiKey",
            $"--Dashboard:Otlp:PrimaryApiKey={ApiKey}",
        ]);
        await process.WaitUntilHealthyAsync(new Uri(Url, "/health"), "The dashboard");

        _api = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = Url };
        using var login = await _api.GetAsync($"/login?t={BrowserToken}").DefaultTimeout();
        login.EnsureSuccessStatusCode();
    }

    // GET on the UI's API, logged in.
    public async Task<JsonElement> GetAsync(string path) =>
        await _api!.GetFromJsonAsync<JsonElement>(path).DefaultTimeout();

    // Polls the API until the JSON satisfies the condition: telemetry arrives in batches.
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> condition, string what)
    {
        var result = default(JsonElement);
        await TimeoutExtensions.WaitUntilAsync(async () => condition(result = await GetAsync(path)), what);
        return result;
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
