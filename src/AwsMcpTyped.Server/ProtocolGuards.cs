using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server;

/// <summary>
/// An incoming-message filter that answers malformed requests with the JSON-RPC error the protocol calls for, instead
/// of the SDK's generic internal error: params that are not an object, or a tools/call without a string name, get
/// -32602 (invalid params); on stdio, a request other than ping before initialize gets -32600 (invalid request).
/// </summary>
public static class ProtocolGuards
{
    private const int InvalidRequest = -32600;
    private const int InvalidParams = -32602;

    public static McpMessageFilter Create(bool requireInitialize) => next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest request && Problem(request, context.Server, requireInitialize) is { } problem)
        {
            await context.Server.SendMessageAsync(new JsonRpcError
            {
                Id = request.Id,
                Error = new JsonRpcErrorDetail { Code = problem.Code, Message = problem.Message },
            }, cancellationToken);
            return;
        }
        await next(context, cancellationToken);
    };

    private static (int Code, string Message)? Problem(JsonRpcRequest request, McpServer server, bool requireInitialize)
    {
        if (requireInitialize && server.ClientInfo is null && request.Method is not (RequestMethods.Initialize or RequestMethods.Ping))
            return (InvalidRequest, $"'{request.Method}' before initialize: send initialize first.");
        if (request.Params is not null and not JsonObject)
            return (InvalidParams, $"params of '{request.Method}' must be an object.");
        if (request.Method == RequestMethods.ToolsCall)
        {
            if (request.Params?["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
                return (InvalidParams, "tools/call needs params.name, the tool's name as a string.");
            if (request.Params["arguments"] is { } arguments && arguments is not JsonObject)
                return (InvalidParams, "tools/call params.arguments must be an object.");
        }
        return null;
    }
}
