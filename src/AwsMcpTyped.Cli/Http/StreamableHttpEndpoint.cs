using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Cli.Http;

/// <summary>
/// POST /mcp, stateless Streamable HTTP: each request gets a fresh server over a <see cref="StreamableHttpServerTransport"/>
/// (so replicas behind a load balancer need no shared state). Checks, in order: Host and Origin (DNS rebinding: 403),
/// bearer token (401), Accept (406), Content-Type (415), MCP-Protocol-Version (400), JSON-RPC body (400).
/// </summary>
internal sealed class StreamableHttpEndpoint(HttpServerSettings settings, Func<McpServerOptions> options)
{
    private static readonly string[] SupportedVersions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"];

    public async Task HandlePostAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (Refusal(request) is { } refusal)
        {
            response.StatusCode = refusal.Status;
            if (refusal.Status == StatusCodes.Status401Unauthorized)
                response.Headers.WWWAuthenticate = "Bearer";
            await response.WriteAsJsonAsync(new { error = refusal.Message });
            return;
        }

        JsonRpcMessage? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync(request.Body, McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>(), context.RequestAborted);
        }
        catch (JsonException error)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new { jsonrpc = "2.0", id = (object?)null, error = new { code = -32700, message = "Parse error: " + error.Message } });
            return;
        }
        if (message is null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        message.Context = new JsonRpcMessageContext { ProtocolVersion = request.Headers["MCP-Protocol-Version"].FirstOrDefault() };

        await using var transport = new StreamableHttpServerTransport(loggerFactory: null) { Stateless = true };
        await using var server = McpServer.Create(transport, options(), loggerFactory: null, serviceProvider: null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var running = server.RunAsync(stop.Token);
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        var wrote = await transport.HandlePostRequestAsync(message, response.Body, context.RequestAborted);
        if (!wrote && !response.HasStarted)
        {
            response.ContentType = null;
            response.StatusCode = StatusCodes.Status202Accepted;
        }
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private (int Status, string Message)? Refusal(HttpRequest request)
    {
        if (!settings.IsAllowedHost(request.Host.Host))
            return (StatusCodes.Status403Forbidden, $"Host '{request.Host.Host}' is not allowed.");
        if (request.Headers.Origin.FirstOrDefault() is { } origin &&
            (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri) || !settings.IsAllowedHost(originUri.Host)))
            return (StatusCodes.Status403Forbidden, $"Origin '{origin}' is not allowed.");
        if (settings.Token is { } token && request.Headers.Authorization.FirstOrDefault() != "Bearer " + token)
            return (StatusCodes.Status401Unauthorized, "A bearer token is required (Authorization: Bearer <AWS_MCP_HTTP_TOKEN>).");
        var accept = string.Join(",", request.Headers.Accept.ToArray());
        if (!accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || !accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
            return (StatusCodes.Status406NotAcceptable, "Accept must include application/json and text/event-stream.");
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json.");
        if (request.Headers["MCP-Protocol-Version"].FirstOrDefault() is { } version && !SupportedVersions.Contains(version))
            return (StatusCodes.Status400BadRequest, $"Unsupported MCP-Protocol-Version '{version}'. Supported: {string.Join(", ", SupportedVersions)}.");
        return null;
    }
}
