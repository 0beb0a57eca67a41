using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Tests.Execution.Dialects;

/// <summary>
/// <c>aws sso login</c> through execute_command, allowed by the operator, with the real AWS CLI v2 (Debian's 2.9.19)
/// signing in against a local stand-in for the SSO OIDC service (its endpoint given to the CLI the way botocore reads
/// endpoint rules: a rule set first on AWS_DATA_PATH). The call answers with the URL and the code the CLI prints; the
/// CLI waits on, and once the stand-in approves, it caches the token as a sign-in in a terminal does.
/// </summary>
public sealed class SsoSignInTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("sso-sign-in-").FullName;
    private readonly HttpListener _listener = new();
    private readonly int _port = FreePort();
    private volatile bool _approved;
    private int _authorizations;

    public SsoSignInTests()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    [Fact]
    public async Task Sign_in_answers_with_the_url_and_code_and_completes_in_the_background()
    {
        var home = Path.Combine(_work, "home");
        Directory.CreateDirectory(Path.Combine(home, ".aws"));
        var config = Path.Combine(_work, "config");
        File.WriteAllText(config, "[profile signin]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n" +
                                  "sso_account_id = 123456789012\nsso_role_name = Admin\nregion = us-east-1\n");
        var rules = Path.Combine(_work, "models", "sso-oidc", "2019-06-10");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "endpoint-rule-set-1.json"), EndpointRules($"http://127.0.0.1:{_port}").ToJsonString());
        var environment = new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = "/opt/awscli-v2/usr/lib/python3/dist-packages", ["HOME"] = home, ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_work, "absent"), ["AWS_DATA_PATH"] = Path.Combine(_work, "models"),
        };
        Assert.True(File.Exists("/opt/awscli-v2/usr/bin/aws"), "AWS CLI v2 is not at /opt/awscli-v2: run scripts/cli/install-awscli-v2.sh");
        var cli = new AwsCliInstallation("/opt/awscli-v2/usr/bin/aws");
        var safety = PolicyEnvironment.Read(name => name == PolicyEnvironment.ConsentVariable ? "off" : null);
        var refusing = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { Safety = safety, WorkingDirectory = _work }, cli, awsEnvironment: environment);
        var refused = await refusing.ExecuteAsync("aws sso login --profile signin");
        Assert.Equal(ExecutionStatus.Rejected, refused.Status);
        Assert.Contains("AWS_MCP_ALLOW_SIGN_IN", refused.Rejection!.Message);

        var executor = new CommandExecutor(AwsCatalogue.Default,
            ExecutionPolicy.Default with { Safety = safety, WorkingDirectory = _work, AllowSignIn = true }, cli, awsEnvironment: environment);
        var started = await executor.ExecuteAsync("aws sso login --profile signin", new ExecuteOptions { TimeoutSeconds = 60 });
        Assert.True(started.Status == ExecutionStatus.Success, started.ToText());
        Assert.Contains("https://device.sso.example/", started.Output);
        Assert.Contains("WXYZ-0123", started.Output);
        Assert.Contains("waiting for you to approve", started.Output);

        var again = await executor.ExecuteAsync("aws sso login --profile signin", new ExecuteOptions { TimeoutSeconds = 60 });
        Assert.Equal(started.Output, again.Output);
        Assert.Equal(1, Volatile.Read(ref _authorizations)); // the waiting sign-in answered; no second one started

        _approved = true;
        var cache = Path.Combine(home, ".aws", "sso", "cache");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(Directory.Exists(cache) && Directory.EnumerateFiles(cache).Any(f => File.ReadAllText(f).Contains("token-from-stand-in"))))
            await Task.Delay(250);
        Assert.True(Directory.Exists(cache) && Directory.EnumerateFiles(cache).Any(f => File.ReadAllText(f).Contains("token-from-stand-in")),
            "the CLI did not cache the approved token");
    }

    /// <summary>The three SSO OIDC calls of a device-code sign-in (rest-json): register, authorize, poll for the token.</summary>
    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var (status, body) = context.Request.Url!.AbsolutePath switch
            {
                "/client/register" => (200, new JsonObject { ["clientId"] = "cid", ["clientSecret"] = "secret", ["clientIdIssuedAt"] = now, ["clientSecretExpiresAt"] = now + 3600 }),
                "/device_authorization" => Authorization(),
                "/token" when _approved => (200, new JsonObject { ["accessToken"] = "token-from-stand-in", ["tokenType"] = "Bearer", ["expiresIn"] = 3600 }),
                "/token" => (400, new JsonObject { ["error"] = "authorization_pending" }),
                _ => (404, new JsonObject()),
            };
            if (status == 400)
                context.Response.Headers["x-amzn-ErrorType"] = "AuthorizationPendingException";
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }

        (int, JsonObject) Authorization()
        {
            Interlocked.Increment(ref _authorizations);
            return (200, new JsonObject
            {
                ["deviceCode"] = "device", ["userCode"] = "WXYZ-0123", ["verificationUri"] = "https://device.sso.example/",
                ["verificationUriComplete"] = "https://device.sso.example/?user_code=WXYZ-0123", ["expiresIn"] = 600, ["interval"] = 1,
            });
        }
    }

    /// <summary>An endpoint rule set that sends every call to <paramref name="url"/>.</summary>
    private static JsonObject EndpointRules(string url) => new()
    {
        ["version"] = "1.0",
        ["parameters"] = new JsonObject
        {
            ["Region"] = new JsonObject { ["builtIn"] = "AWS::Region", ["required"] = false, ["type"] = "String" },
            ["Endpoint"] = new JsonObject { ["builtIn"] = "SDK::Endpoint", ["required"] = false, ["type"] = "String" },
        },
        ["rules"] = new JsonArray(new JsonObject
        {
            ["conditions"] = new JsonArray(),
            ["endpoint"] = new JsonObject { ["url"] = url, ["properties"] = new JsonObject(), ["headers"] = new JsonObject() },
            ["type"] = "endpoint",
        }),
    };

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
        Directory.Delete(_work, recursive: true);
    }
}
