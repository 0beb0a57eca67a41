using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Configuration;
using AwsMcpTyped.Text;
using ModelContextProtocol;

namespace AwsMcpTyped.Server.Resources;

/// <summary>aws://config/regions/{region}: one region's name, geography and services (offline), and its availability
/// zones from the EC2 API when credentials allow (cached for ten minutes).</summary>
internal sealed class RegionResource(AwsCatalogue catalogue, AwsReader aws) : JsonResource(Template, "region",
    "One AWS region: code, name, geographic_location, availability_zones (from the EC2 API when credentials allow), services, is_current.")
{
    private const string Template = "aws://config/regions/{region}";
    private const string Prefix = "aws://config/regions/";
    private readonly TtlCache<JsonNode> _zones = new(TimeSpan.FromMinutes(10));

    public override bool IsMatch(string uri) => uri.StartsWith(Prefix, StringComparison.Ordinal) && uri.Length > Prefix.Length && !uri[Prefix.Length..].Contains('/');

    protected override async ValueTask<JsonNode> ReadJsonAsync(string uri, CancellationToken cancellationToken)
    {
        var code = Uri.UnescapeDataString(uri[Prefix.Length..]);
        var region = catalogue.Regions.FirstOrDefault(r => r.Code == code) ?? throw new McpProtocolException(
            $"Unknown region '{code}'.{NameSuggester.DidYouMean(code, catalogue.Regions.Select(r => r.Code))} See aws://config/regions.", McpErrorCode.ResourceNotFound);
        var zones = await _zones.GetAsync(code, () => aws.ReadAsync($"aws ec2 describe-availability-zones --region {code} --output json", CancellationToken.None));
        JsonNode availabilityZones = AwsReader.IsError(zones)
            ? zones.DeepClone()
            : new JsonArray((zones["AvailabilityZones"] as JsonArray ?? []).Select(z => (JsonNode)new JsonObject
            {
                ["name"] = z?["ZoneName"]?.DeepClone(),
                ["state"] = z?["State"]?.DeepClone(),
                ["zone_id"] = z?["ZoneId"]?.DeepClone(),
                ["zone_type"] = z?["ZoneType"]?.DeepClone(),
            }).ToArray());
        return new JsonObject
        {
            ["code"] = region.Code,
            ["name"] = region.Description,
            ["partition"] = region.Partition,
            ["geographic_location"] = region.Geography is { } place
                ? new JsonObject { ["continent"] = place.Continent, ["country"] = place.Country, ["city"] = place.City }
                : null,
            ["availability_zones"] = availabilityZones,
            ["services"] = new JsonArray(region.Services.Select(s => (JsonNode)s).ToArray()),
            ["is_current"] = AwsEnvironmentInfo.Read(AwsConfigFiles.Load()).Region == region.Code,
        };
    }
}
