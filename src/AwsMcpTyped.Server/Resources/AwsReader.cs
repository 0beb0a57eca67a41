using System.Text.Json.Nodes;
using AwsMcpTyped.Execution;

namespace AwsMcpTyped.Server.Resources;

/// <summary>Reads small JSON answers from AWS through the executor (so the same validation and environment apply);
/// a failure becomes <c>{"error": kind, "message": …}</c> in place of the value, never an exception.</summary>
internal sealed class AwsReader(CommandExecutor executor)
{
    public async Task<JsonNode> ReadAsync(string command, CancellationToken cancellationToken, int timeoutSeconds = 20)
    {
        var result = await executor.ExecuteAsync(command, new ExecuteOptions { TimeoutSeconds = timeoutSeconds, Caller = "resource" }, cancellationToken);
        if (result.IsError)
        {
            var message = result.Status == ExecutionStatus.Rejected ? result.Rejection!.Message : result.Stderr.Trim();
            return new JsonObject { ["error"] = (result.Error?.ToString() ?? result.Status.ToString()), ["message"] = message, ["hint"] = result.Hint };
        }
        try
        {
            return JsonNode.Parse(result.Output) ?? new JsonObject();
        }
        catch (System.Text.Json.JsonException)
        {
            return new JsonObject { ["error"] = "InvalidResponse", ["message"] = "The CLI did not return JSON." };
        }
    }

    public static bool IsError(JsonNode node) => node is JsonObject obj && obj.ContainsKey("error") && obj.Count <= 3;
}
