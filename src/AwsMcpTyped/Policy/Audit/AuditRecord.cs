using System.Text.Json.Serialization;

namespace AwsMcpTyped.Policy.Audit;

/// <summary>One audit line: a tool call or an <c>awsmcp exec</c>. The command is redacted; no output is kept, only
/// its size. <paramref name="Region"/> and <paramref name="Profile"/> are the ones the command was judged and run with
/// (absent when it was refused before they were decided, or touches nothing).</summary>
public sealed record AuditRecord(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("exit_code")] int? ExitCode,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("output_chars")] long OutputCharacters,
    [property: JsonPropertyName("region")] string? Region = null,
    [property: JsonPropertyName("profile")] string? Profile = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
