using System.Text.Json.Serialization;

namespace AwsMcpTyped.Catalogue.Detail;

/// <summary>Source-generated (reflection-free) JSON for the detail documents, shared by writer and reader.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    WriteIndented = false)]
[JsonSerializable(typeof(ServiceDetail))]
public sealed partial class DetailJsonContext : JsonSerializerContext;
