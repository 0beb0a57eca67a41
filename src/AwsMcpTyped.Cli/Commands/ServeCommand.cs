using System.CommandLine;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Server;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Cli.Commands;

/// <summary><c>awsmcp serve</c> (also the default): the MCP server over stdio. stdout carries JSON-RPC only; the server
/// exits when stdin closes.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var serve = new Command("serve", "Run the MCP server over stdio (the default).");
        serve.SetAction((_, cancellationToken) => RunAsync(cancellationToken));
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
        await using var transport = new StdioServerTransport(options, loggerFactory: null);
        await using var server = McpServer.Create(transport, options, loggerFactory: null, serviceProvider: null);
        await server.RunAsync(cancellationToken);
        return 0;
    }
}
