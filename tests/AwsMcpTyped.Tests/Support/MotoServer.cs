using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AwsMcpTyped.Tests.Support;

/// <summary>
/// A real moto_server on 127.0.0.1 and a free port, for the whole test run. It points the test process's AWS
/// environment at it (dummy keys, us-east-1, no config files), so every aws process the tests start, directly or
/// through the executor, talks to moto and never to AWS.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public string Endpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(Endpoint + "/moto-api/")).StatusCode == HttpStatusCode.OK)
                    break;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new InvalidOperationException("moto_server did not answer on " + Endpoint);
            await Task.Delay(200);
        }

        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", Endpoint);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
    }

    /// <summary>Runs the real CLI directly (not through our executor), to set up or check state.</summary>
    public Task<ProcessRunner.Result> AwsAsync(params string[] arguments) => ProcessRunner.RunAsync("aws", arguments);

    public async Task<bool> BucketExistsAsync(string bucket) =>
        (await AwsAsync("s3api", "head-bucket", "--bucket", bucket)).ExitCode == 0;

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
            _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
