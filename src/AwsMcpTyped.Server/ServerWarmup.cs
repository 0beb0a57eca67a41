using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server;

/// <summary>
/// Pays the SDK's one-time start-up cost on a second core while the catalogue loads. Creating the first server and
/// answering the first initialize JIT-compiles about a thousand System.Text.Json generic instantiations over the
/// protocol types (ReadyToRun cannot precompile them across assemblies): about 60 ms that otherwise sits in front of
/// the initialize answer. A failure here only costs that time back, so it is swallowed.
/// </summary>
public static class ServerWarmup
{
    private const string InitializeRequest =
        """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"warmup","version":"0"}}}""";

    public static Task Start() => Task.Run(async () =>
    {
        try
        {
            await CreateServer();
            SerializeMessages();
        }
        catch (Exception)
        {
            // Warming is an optimisation: the real server pays the cost instead.
        }
    });

    /// <summary>Detects the executor's CLI in the background, and with it the catalogue view of its version that
    /// validation and describe read (<see cref="AwsMcpTyped.Execution.CommandExecutor.CatalogueAsync"/> keeps it);
    /// never on the way to the initialize answer.</summary>
    public static void StartCliDetection(AwsMcpTyped.Execution.CommandExecutor executor) =>
        _ = Task.Run(executor.CatalogueAsync);

    private static async Task CreateServer()
    {
        var options = new McpServerOptions { Capabilities = new ServerCapabilities { Tools = new(), Prompts = new(), Resources = new() } };
        await using var transport = new StreamServerTransport(Stream.Null, Stream.Null);
        await using var server = McpServer.Create(transport, options);
    }

    private static void SerializeMessages()
    {
        var json = McpJsonUtilities.DefaultOptions;
        var request = (JsonRpcRequest)JsonSerializer.Deserialize<JsonRpcMessage>(InitializeRequest, json)!;
        _ = JsonSerializer.Deserialize<InitializeRequestParams>(request.Params, json);
        var result = new InitializeResult
        {
            ProtocolVersion = "2025-06-18",
            Capabilities = new ServerCapabilities { Tools = new(), Prompts = new(), Resources = new() },
            ServerInfo = new Implementation { Name = "warmup", Version = "0" },
        };
        _ = JsonSerializer.SerializeToUtf8Bytes<JsonRpcMessage>(new JsonRpcResponse { Id = request.Id, Result = JsonSerializer.SerializeToNode(result, json) }, json);
    }
}
