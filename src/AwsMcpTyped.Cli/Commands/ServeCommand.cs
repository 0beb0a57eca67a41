using System.CommandLine;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Server;
using AwsMcpTyped.Server.Transport;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Cli.Commands;

/// <summary><c>awsmcp serve</c> (also the default): the MCP server over stdio. stdout carries JSON-RPC only; the server
/// exits when stdin closes.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var http = new Option<bool>("--http") { Description = "Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio" };
        var port = new Option<int>("--port") { Description = "HTTP port (default 8000)", DefaultValueFactory = _ => 8000 };
        var host = new Option<string>("--host") { Description = "HTTP bind address (default 127.0.0.1)", DefaultValueFactory = _ => "127.0.0.1" };
        var serve = new Command("serve", "Run the MCP server over stdio (the default), or Streamable HTTP with --http.") { http, port, host };
        serve.SetAction((parse, cancellationToken) => parse.GetValue(http)
            ? Http.HttpServerHost.RunAsync(new Http.HttpServerSettings(parse.GetValue(host)!, parse.GetValue(port),
                Environment.GetEnvironmentVariable("AWS_MCP_HTTP_TOKEN") is { Length: > 0 } token ? token : null), cancellationToken)
            : RunAsync(cancellationToken));
        return serve;
    }

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Console.Error.WriteLine($"T start {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds}");
        McpServerOptions options;
        try
        {
            options = AwsMcpServer.CreateOptions(ServerSettings.FromEnvironment(), AwsCatalogue.Default,
                CommandExecutor.CreateDefault(ExecutionPolicyFromEnvironment.Read()));
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync("awsmcp: " + error.Message);
            return 2;
        }
        Console.Error.WriteLine($"T options {sw.ElapsedMilliseconds}");
        if (!AwsCliInstallation.Detect().IsInstalled)
            await Console.Error.WriteLineAsync("awsmcp: warning: " + AwsCliInstallation.InstallHint);
        Console.Error.WriteLine($"T detect {sw.ElapsedMilliseconds}");
        Console.Error.WriteLine($"T warm {sw.ElapsedMilliseconds}");
        await using var transport = JsonLineServerTransport.ForStandardStreams();
        Console.Error.WriteLine($"T transport {sw.ElapsedMilliseconds}");
        foreach (var t in options.ToolCollection!) { _ = t.ProtocolTool; Console.Error.WriteLine($"T tool {t.ProtocolTool.Name} {sw.ElapsedMilliseconds}"); }
        foreach (var t in options.PromptCollection!) _ = t.ProtocolPrompt;
        Console.Error.WriteLine($"T prompts {sw.ElapsedMilliseconds}");
        foreach (var t in options.ResourceCollection!) _ = t.ProtocolResourceTemplate;
        Console.Error.WriteLine($"T resources {sw.ElapsedMilliseconds}");
        await using var server = McpServer.Create(transport, options, loggerFactory: null, serviceProvider: null);
        Console.Error.WriteLine($"T created {sw.ElapsedMilliseconds}");
        await server.RunAsync(cancellationToken);
        return 0;
    }
}
