using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Catalogue.Building;

namespace AwsMcpTyped.ModelCompiler.Emit;

/// <summary>
/// Regions from botocore-data/endpoints.json, with geography from generators/data/region-geography.json and the CLI
/// services that have an endpoint in each (endpoint prefixes mapped to CLI names; a partition-global service counts
/// for every region of its partition). Services that only have endpoint rule sets are not listed.
/// </summary>
internal static class RegionListBuilder
{
    public static RegionList Build(string botocoreDataDir, string dataDir, IReadOnlyDictionary<string, List<string>> cliNamesByEndpointPrefix)
    {
        var endpoints = JsonFiles.Read(Path.Combine(botocoreDataDir, "endpoints.json"));
        var geography = JsonFiles.Read(Path.Combine(dataDir, "region-geography.json"))["regions"]!.AsObject();
        var list = new RegionList();
        foreach (var partition in endpoints["partitions"]!.AsArray().OfType<JsonObject>())
        {
            var partitionName = (string)partition["partition"]!;
            var services = partition["services"] as JsonObject ?? [];
            foreach (var (code, region) in partition["regions"]!.AsObject())
            {
                var available = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var (prefix, service) in services)
                {
                    var global = service!["isRegionalized"]?.GetValue<bool>() == false;
                    if ((global || service["endpoints"]?[code] is not null) && cliNamesByEndpointPrefix.TryGetValue(prefix, out var names))
                        available.UnionWith(names);
                }
                list.Regions.Add(new RegionDetail
                {
                    Code = code,
                    Description = (string?)region!["description"],
                    Partition = partitionName,
                    Geography = geography[code] is JsonObject place
                        ? new RegionGeography { Continent = (string?)place["continent"], Country = (string?)place["country"], City = (string?)place["city"] }
                        : null,
                    Services = [.. available],
                });
            }
        }
        return list;
    }
}
