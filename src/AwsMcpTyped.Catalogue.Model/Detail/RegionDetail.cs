using System.Text.Json.Serialization;

namespace AwsMcpTyped.Catalogue.Detail;

/// <summary>A region from botocore's endpoint data, with where it is and which CLI services have an endpoint there.</summary>
public sealed class RegionDetail
{
    public required string Code { get; init; }
    public string? Description { get; init; }
    public required string Partition { get; init; }
    public RegionGeography? Geography { get; init; }
    /// <summary>CLI service names with an endpoint in this region (regional or partition-global).</summary>
    public List<string> Services { get; init; } = [];
}

public sealed class RegionGeography
{
    public string? Continent { get; init; }
    public string? Country { get; init; }
    public string? City { get; init; }
}

public sealed class RegionList
{
    public List<RegionDetail> Regions { get; init; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegionList))]
public sealed partial class RegionJsonContext : JsonSerializerContext;
