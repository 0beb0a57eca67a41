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
        if (!AwsCliInstallation.Detect().IsInstalled)
            await Console.Error.WriteLineAsync("awsmcp: warning: " + AwsCliInstallation.InstallHint);
        await using var transport = JsonLineServerTransport.ForStandardStreams();
        await using var server = McpServer.Create(transport, options, loggerFactory: null, serviceProvider: null);
        await server.RunAsync(cancellationToken);
        return 0;
    }
}
