using ModelContextProtocol.Client;

namespace AwsMcpTyped.Tests.Support;

/// <summary>Starts the built server (<c>dotnet awsmcp.dll serve</c>) as a separate process and connects the C# SDK's
/// MCP client to it over stdio. The process inherits the test's environment (moto endpoint, dummy keys).</summary>
internal static class ServerProcess
{
    public static Task<McpClient> ConnectAsync(IDictionary<string, string?>? environment = null, McpClientOptions? options = null)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "awsmcp",
            Command = "dotnet",
            Arguments = [RepoPaths.AwsmcpDll, "serve"],
            InheritEnvironmentVariables = true,
            EnvironmentVariables = environment ?? new Dictionary<string, string?>(),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        }, loggerFactory: null);
        // The SDK client probes server/discover for 5 s, then falls back to initialize; a server still building its typed
        // tools on a loaded machine answers the probe late, switches to 2026-07-28 and refuses the initialize. Tests wait
        // for the probe's answer instead (within the 60 s handshake timeout).
        options ??= new McpClientOptions();
        options.DiscoverProbeTimeout = Timeout.InfiniteTimeSpan;
        return McpClient.CreateAsync(transport, options, loggerFactory: null);
    }
}
