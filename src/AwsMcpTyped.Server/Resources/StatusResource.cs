using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Status;

namespace AwsMcpTyped.Server.Resources;

/// <summary>aws://server/status: the document <c>awsmcp doctor --json</c> prints, for this server's executor, so an
/// assistant can see why calls fail (no CLI, expired SSO token, read-only mode) and what the server may do.</summary>
internal sealed class StatusResource(CommandExecutor executor, AwsCatalogue catalogue) : JsonResource("aws://server/status", "status",
    "Whether this server is usable and with what: AWS CLI (version, dialect, install kind, skew against the catalogue), credentials " +
    "(profile and why, source, SSO/login token expiry and refresh command), caller identity, region and its source, safety settings, " +
    "containment, problems with their fixes.")
{
    protected override async ValueTask<JsonNode> ReadJsonAsync(string uri, CancellationToken cancellationToken) =>
        ServerStatusJson.ToJson(await ServerStatusBuilder.BuildAsync(executor, null, executor.Cli, catalogue, offline: false, cancellationToken));
}
