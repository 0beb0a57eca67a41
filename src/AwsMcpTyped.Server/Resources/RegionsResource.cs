using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Configuration;

namespace AwsMcpTyped.Server.Resources;

/// <summary>aws://config/regions: every region from the built-in endpoint data (offline), the current one marked.</summary>
internal sealed class RegionsResource(AwsCatalogue catalogue) : JsonResource("aws://config/regions", "regions",
    "AWS regions (offline, from the AWS CLI's endpoint data): name, description, partition, is_current.")
{
    protected override ValueTask<JsonNode> ReadJsonAsync(string uri, CancellationToken cancellationToken)
    {
        var current = AwsEnvironmentInfo.Read(AwsConfigFiles.Load()).Region;
        var regions = new JsonArray(catalogue.Regions.Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Code,
            ["description"] = r.Description,
            ["partition"] = r.Partition,
            ["is_current"] = r.Code == current,
        }).ToArray());
        return ValueTask.FromResult<JsonNode>(new JsonObject { ["regions"] = regions, ["current_region"] = current });
    }
}
