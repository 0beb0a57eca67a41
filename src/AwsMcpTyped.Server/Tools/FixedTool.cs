using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Tools;

/// <summary>Base of the fixed tools: a wrong-shaped argument (<see cref="ToolArgumentException"/>) becomes an isError
/// result that names the argument, so each tool only states its own logic.</summary>
internal abstract class FixedTool : McpServerTool
{
    public override IReadOnlyList<object> Metadata { get; } = [];

    protected abstract ValueTask<CallToolResult> RunAsync(IDictionary<string, JsonElement> arguments, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken);

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RunAsync(request.Params?.Arguments ?? new Dictionary<string, JsonElement>(), request, cancellationToken);
        }
        catch (ToolArgumentException error)
        {
            return ToolResults.Error(error.Message);
        }
    }
}
