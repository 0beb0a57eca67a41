using System.CommandLine;
using System.Reflection;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Server;
using AwsMcpTyped.Server.Transport;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Cli.Commands;

/// <summary><c>awsmcp serve</c> (also the default): the MCP server over stdio. stdout carries JSON-RPC only. The server
/// exits when stdin closes or on SIGTERM/SIGINT, in both cases at once, killing the commands still running.</summary>
internal static class ServeCommand
{
    /// <summary><c>awsmcp 0.1.0 (catalogue: botocore 1.43.11 = AWS CLI v2 2.34.50 and v1 1.45.11)</c>.</summary>
    public static string VersionText =>
        $"awsmcp {typeof(ServeCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]} " +
        $"(catalogue: botocore {AwsCatalogue.Default.BotocoreVersion} = AWS CLI v2 {AwsCatalogue.CliVersion(CliDialects.V2)} and v1 {AwsCatalogue.CliVersion(CliDialects.V1)})";

    /// <summary>The environment variables, for --help (the README's configuration table has the details).</summary>
    private const string SettingsHelp =
        "Settings (environment): AWS_PROFILE, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL (passed to the CLI); AWS_MCP_SERVICES (typed tools, default sts), " +
        "AWS_MCP_READ_ONLY, AWS_MCP_ALLOW, AWS_MCP_DENY, AWS_MCP_POLICY_FILE, AWS_MCP_CONSENT (off|destructive|writes), AWS_MCP_WORKDIR, " +
        "AWS_MCP_AUDIT_LOG, AWS_MCP_TIMEOUT, AWS_MCP_OUTPUT_LIMIT, AWS_MCP_RATE_LIMIT, AWS_MCP_MAX_CONCURRENCY, AWS_MCP_ALLOW_REMOTE_ENDPOINTS, AWS_MCP_ALLOW_SIGN_IN, " +
        "AWS_MCP_AWS_CLI, AWS_MCP_HTTP_TOKEN, AWS_MCP_SANDBOX, AWS_MCP_SANDBOX_PATHS, AWS_MCP_UNCONTAINED_FILTERS.";

    public static Command Create()
    {
        var http = new Option<bool>("--http") { Description = "Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio" };
        var port = new Option<int>("--port") { Description = "HTTP port (default 8000)", DefaultValueFactory = _ => 8000 };
        var host = new Option<string>("--host") { Description = "HTTP bind address (default 127.0.0.1)", DefaultValueFactory = _ => "127.0.0.1" };
        var readOnly = new Option<bool>("--read-only") { Description = "Run only read operations and list no write tools (as AWS_MCP_READ_ONLY=true)" };
        var serve = new Command("serve", "Run the MCP server over stdio (the default), or Streamable HTTP with --http.\n" + SettingsHelp) { http, port, host, readOnly };
        serve.SetAction((parse, cancellationToken) => parse.GetValue(http)
            ? Http.HttpServerHost.RunAsync(new Http.HttpServerSettings(parse.GetValue(host)!, parse.GetValue(port),
                Environment.GetEnvironmentVariable("AWS_MCP_HTTP_TOKEN") is { Length: > 0 } token ? token : null), parse.GetValue(readOnly), cancellationToken)
            : RunAsync(parse.GetValue(readOnly), cancellationToken));
        return serve;
    }

    /// <summary>The server's options from the environment, or null after printing why the configuration is invalid.</summary>
    public static McpServerOptions? CreateOptions(bool readOnly, bool requireInitialize)
    {
        try
        {
            return AwsMcpServer.CreateOptions(ServerSettings.FromEnvironment(), AwsCatalogue.Default,
                ExecutionPolicyEnvironment.CreateExecutor(readOnly, defaultAuditTarget: "stderr"), requireInitialize);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            Console.Error.WriteLine("awsmcp: " + error.Message);
            return null;
        }
    }

    /// <summary>Says on stderr which protections are active. The sandbox probe starts a process, so it runs beside
    /// the start-up rather than before the first answer.</summary>
    public static void ReportContainment() =>
        _ = Task.Run(() => Console.Error.WriteLine("awsmcp: " + Sandbox.StageSandbox.Default.Containment.Summary));

    public static async Task<int> RunAsync(bool readOnly, CancellationToken cancellationToken)
    {
        if (CreateOptions(readOnly, requireInitialize: true) is not { } options)
            return 2;
        if (!AwsCliInstallation.Detect().IsInstalled)
            await Console.Error.WriteLineAsync("awsmcp: warning: " + AwsCliInstallation.InstallHint);
        ReportContainment();
        await using var transport = JsonLineServerTransport.ForStandardStreams();
        await using var server = McpServer.Create(transport, options, loggerFactory: null, serviceProvider: null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = server.RunAsync(stop.Token);
        var signalled = Task.Delay(Timeout.Infinite, cancellationToken);
        await Task.WhenAny(serving, transport.InputClosed, signalled);

        // The client is gone (stdin closed) or we were told to stop: running commands are cancelled and their process
        // trees killed now, not left to their own timeouts nor orphaned when the process exits.
        await RunningPipelines.StopAllAsync(RunningPipelines.DefaultGrace);
        if (signalled.IsCompleted)
            await stop.CancelAsync();
        try
        {
            // After stdin closed, answers to requests already read (cancelled commands included) still go out.
            await serving.WaitAsync(RunningPipelines.DefaultGrace);
        }
        catch (Exception)
        {
            // Cancelled by the signal, or the session ended with an error: either way the server is done.
        }
        await stop.CancelAsync();
        return 0;
    }
}
