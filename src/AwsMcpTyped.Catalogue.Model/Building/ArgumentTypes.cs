using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Catalogue.Building;

internal static class ArgumentTypes
{
    public static ArgumentType FromShape(JsonObject? shape)
    {
        if (shape?["document"]?.GetValue<bool>() == true)
            return ArgumentType.Document;
        return FromName((string?)shape?["type"]);
    }

    /// <summary>Maps a botocore shape type or a customization's <c>cli_type_name</c>.</summary>
    public static ArgumentType FromName(string? type) => type switch
    {
        "integer" => ArgumentType.Integer,
        "long" => ArgumentType.Long,
        "float" => ArgumentType.Float,
        "double" => ArgumentType.Double,
        "boolean" => ArgumentType.Boolean,
        "timestamp" => ArgumentType.Timestamp,
        "blob" => ArgumentType.Blob,
        "list" => ArgumentType.List,
        "map" => ArgumentType.Map,
        "structure" => ArgumentType.Structure,
        "document" => ArgumentType.Document,
        _ => ArgumentType.String,
    };
}
