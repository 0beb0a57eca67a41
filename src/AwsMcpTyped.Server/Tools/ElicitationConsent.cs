using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Policy;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Tools;

/// <summary>
/// Consent through MCP elicitation: the client shows the user the command and a <c>confirm</c> checkbox. Accept with
/// confirm=true runs it; decline, cancel or confirm=false does not. A client without elicitation support cannot be
/// asked, and the command is refused with an explanation.
/// </summary>
internal static class ElicitationConsent
{
    public static ConsentPrompt? For(McpServer server) =>
        server.ClientCapabilities?.Elicitation is null ? null : (request, cancellationToken) => AskAsync(server, request, cancellationToken);

    private static async ValueTask<ConsentAnswer> AskAsync(McpServer server, ConsentRequest request, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(new ElicitRequestParams
        {
            Message = $"Run this {request.Subject.Access.ToWireName()} AWS command?\n\n{request.CommandLine}\n\n" +
                      $"Profile: {request.Subject.Profile ?? "default"}, region: {request.Subject.Region ?? "(not set)"}. {request.Reason}",
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    ["confirm"] = new ElicitRequestParams.BooleanSchema { Title = "Run it", Description = "Check to run this command", Default = false },
                },
                Required = ["confirm"],
            },
        }, cancellationToken);
        var confirmed = result.IsAccepted && result.Content is { } content &&
                        content.TryGetValue("confirm", out var value) && value.ValueKind == JsonValueKind.True;
        return confirmed ? ConsentAnswer.Given : ConsentAnswer.Declined;
    }
}
