using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Server;

/// <summary><c>awsmcp serve --http</c> as a separate process: the SDK client over Streamable HTTP, and the HTTP-level
/// protections (Host/Origin, bearer token, Accept, Content-Type, protocol version).</summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class HttpServerTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    private sealed class HttpServer : IAsyncDisposable
    {
        private readonly Process _process;

        private HttpServer(Process process, int port)
        {
            _process = process;
            Endpoint = new Uri($"http://127.0.0.1:{port}/mcp");
        }

        public Uri Endpoint { get; }

        public Process Process => _process;

        public static async Task<HttpServer> StartAsync(string? token = null, IReadOnlyDictionary<string, string>? environment = null)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [RepoPaths.AwsmcpDll, "serve", "--http", "--port", port.ToString()])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            if (token is not null)
                start.Environment["AWS_MCP_HTTP_TOKEN"] = token;
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                start.Environment[name] = value;
            var server = new HttpServer(Process.Start(start)!, port);
            using var probe = new TcpClient();
            for (var attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return server;
                }
                catch (SocketException)
                {
                    await Task.Delay(100);
                }
            }
            throw new InvalidOperationException("the HTTP server did not start");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static HttpRequestMessage Post(Uri endpoint, string body = Initialize, string accept = "application/json, text/event-stream")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    [Fact]
    public async Task The_sdk_client_works_over_streamable_http()
    {
        await using var server = await HttpServer.StartAsync();
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
        }));
        var tools = await client.ListToolsAsync(new ListToolsRequestParams());
        Assert.Contains(tools.Tools, t => t.Name == "execute_command");
        var page = await client.CallToolAsync("describe_command", new Dictionary<string, object?> { ["service"] = "s3", ["command"] = "ls" });
        Assert.Contains("--recursive", string.Concat(page.Content.OfType<TextContentBlock>().Select(b => b.Text)));
        var prompts = await client.ListPromptsAsync();
        Assert.Equal(10, prompts.Count);
    }

    [Fact]
    public async Task Enable_service_over_http_notifies_on_the_call_stream_and_lasts_for_later_requests()
    {
        await using var server = await HttpServer.StartAsync();
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
        }));
        var changed = new TaskCompletionSource();
        await using var subscription = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });
        Assert.DoesNotContain(await client.ListToolsAsync(), t => t.Name == "s3api_list_buckets");

        var enabled = await client.CallToolAsync("enable_service", new Dictionary<string, object?> { ["service"] = "s3api" });
        Assert.NotEqual(true, enabled.IsError);
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(await client.ListToolsAsync(), t => t.Name == "s3api_list_buckets");
    }

    [Fact]
    public async Task Http_protections_refuse_what_they_should()
    {
        await using var server = await HttpServer.StartAsync();
        using var http = new HttpClient();

        var ok = await http.SendAsync(Post(server.Endpoint));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/event-stream", ok.Content.Headers.ContentType?.MediaType);

        var foreignHost = Post(server.Endpoint);
        foreignHost.Headers.Host = "evil.example.com";
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreignHost)).StatusCode);

        var foreignOrigin = Post(server.Endpoint);
        foreignOrigin.Headers.TryAddWithoutValidation("Origin", "https://evil.example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreignOrigin)).StatusCode);

        var localOrigin = Post(server.Endpoint);
        localOrigin.Headers.TryAddWithoutValidation("Origin", "http://localhost:3000");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(localOrigin)).StatusCode);

        Assert.Equal(HttpStatusCode.NotAcceptable, (await http.SendAsync(Post(server.Endpoint, accept: "application/json"))).StatusCode);

        var badVersion = Post(server.Endpoint);
        badVersion.Headers.TryAddWithoutValidation("MCP-Protocol-Version", "1999-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(badVersion)).StatusCode);

        var badJson = await http.SendAsync(Post(server.Endpoint, body: "{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains("-32700", await badJson.Content.ReadAsStringAsync());

        var notification = await http.SendAsync(Post(server.Endpoint, body: """{"jsonrpc":"2.0","method":"notifications/initialized"}"""));
        Assert.Equal(HttpStatusCode.Accepted, notification.StatusCode);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.GetAsync(server.Endpoint)).StatusCode);
    }

    [Fact]
    public async Task A_configured_token_is_required()
    {
        await using var server = await HttpServer.StartAsync(token: "s3cret-token");
        using var http = new HttpClient();
        var without = await http.SendAsync(Post(server.Endpoint));
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("Bearer", without.Headers.WwwAuthenticate.Single().Scheme);
        var wrong = Post(server.Endpoint);
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        var right = Post(server.Endpoint);
        right.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret-token");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Sigterm_stops_the_server_promptly()
    {
        await using var server = await HttpServer.StartAsync();
        Assert.Equal(0, (await ProcessRunner.RunAsync("kill", ["-TERM", server.Process.Id.ToString()])).ExitCode);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await server.Process.WaitForExitAsync(wait.Token);
        Assert.Equal(0, server.Process.ExitCode);
    }

    [Fact]
    public async Task Sigterm_kills_running_commands_and_removes_the_empty_private_directory()
    {
        using var cli = FakeAwsCli.Sleeping();
        var temporaryRoot = Directory.CreateTempSubdirectory("awsmcp-test-tmp-").FullName;
        var marker = "http-hold-" + Guid.NewGuid().ToString("N");
        try
        {
            await using var server = await HttpServer.StartAsync(environment: new Dictionary<string, string>
            {
                ["AWS_MCP_AWS_CLI"] = cli.Path, ["TMPDIR"] = temporaryRoot, ["AWS_MCP_AUDIT_LOG"] = "off",
            });
            using var http = new HttpClient();
            var command = $"aws s3api list-buckets --query 'Buckets[?Name==`{marker}`]' | grep {marker}";
            var call = http.SendAsync(Post(server.Endpoint, System.Text.Json.JsonSerializer.Serialize(new
            {
                jsonrpc = "2.0", id = 2, method = "tools/call", @params = new { name = "execute_command", arguments = new { command, timeout = 600 } },
            })));
            for (var wait = 0; wait < 200 && ProcessTable.WithArgument(marker).Count < 2; wait++)
                await Task.Delay(50);
            Assert.Equal(2, ProcessTable.WithArgument(marker).Count);

            var clock = Stopwatch.StartNew();
            Assert.Equal(0, (await ProcessRunner.RunAsync("kill", ["-TERM", server.Process.Id.ToString()])).ExitCode);
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await server.Process.WaitForExitAsync(exit.Token);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
            Assert.Equal(0, server.Process.ExitCode);
            Assert.Empty(ProcessTable.WithArgument(marker));
            Assert.Contains("cancelled", await (await call).Content.ReadAsStringAsync()); // the request ended with the command
            Assert.Empty(Directory.GetDirectories(temporaryRoot, "awsmcp-*"));
        }
        finally
        {
            foreach (var pid in ProcessTable.WithArgument(marker))
                Process.GetProcessById(pid).Kill();
            Directory.Delete(temporaryRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Binding_beyond_loopback_without_a_token_is_refused()
    {
        var result = await ProcessRunner.RunAwsmcpAsync("serve", "--http", "--host", "0.0.0.0", "--port", FreePort().ToString());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AWS_MCP_HTTP_TOKEN", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
