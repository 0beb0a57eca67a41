using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Server.Tools;

/// <summary>Builds tool results: text content, optional structured content, and isError for failures.</summary>
internal static class ToolResults
{
    public static CallToolResult Text(string text, bool isError = false, JsonElement? structured = null) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        IsError = isError ? true : null,
        StructuredContent = structured,
    };

    public static CallToolResult Error(string message) => Text(message, isError: true);

    public static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Reads an optional string argument; a non-string value is a caller error with a clear message.</summary>
    public static string? OptionalString(IDictionary<string, JsonElement>? arguments, string name)
    {
        if (arguments is null || !arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw new ToolArgumentException($"'{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    public static int? OptionalInteger(IDictionary<string, JsonElement>? arguments, string name)
    {
        if (arguments is null || !arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
            : throw new ToolArgumentException($"'{name}' must be a whole number.");
    }
}

/// <summary>A tool argument of the wrong shape: reported as an isError result naming the argument.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
