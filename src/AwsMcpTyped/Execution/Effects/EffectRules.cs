using System.Text.Json;
using System.Text.Json.Serialization;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// The checked-in tables of Data/argument-effects.json, loaded once: which arguments of which commands decide their
/// effects, and what the words of each argument language mean. Per-command rules are data, not if-chains; code only
/// reads the languages (paths, SQL and PartiQL statements, JSON and shorthand).
/// </summary>
internal sealed class EffectRules
{
    private const string ResourceName = "AwsMcpTyped.Execution.Effects.argument-effects.json";

    /// <summary>The rules built into this assembly.</summary>
    public static EffectRules Default { get; } = Load();

    /// <summary>s3 customization → direction (<c>s3&gt;local</c>, <c>local&gt;s3</c>, <c>s3&gt;s3</c>, <c>s3</c>) → effect.</summary>
    [JsonPropertyName("s3")]
    public required Dictionary<string, Dictionary<string, DirectionRule>> S3 { get; init; }

    [JsonPropertyName("languages")]
    public required Dictionary<string, LanguageRule> Languages { get; init; }

    [JsonPropertyName("commands")]
    public required List<CommandRule> Commands { get; init; }

    /// <summary>The rules for one command (<c>service command</c>), empty when its arguments decide nothing.</summary>
    public IEnumerable<CommandRule> For(string service, string command)
    {
        var name = $"{service} {command}";
        return Commands.Where(c => c.Command == name);
    }

    private static EffectRules Load()
    {
        using var stream = typeof(EffectRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        var options = new JsonSerializerOptions { Converters = { new AccessClassConverter() } };
        var rules = JsonSerializer.Deserialize<EffectRules>(stream, options) ?? throw new InvalidDataException(ResourceName);
        foreach (var language in rules.Languages.Values)
            language.Index();
        return rules;
    }

    /// <summary>Reads the wire names (<c>read</c>, <c>destructive</c>, …) the catalogue uses.</summary>
    private sealed class AccessClassConverter : JsonConverter<AccessClass>
    {
        public override AccessClass Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            AccessClassNames.TryParse(reader.GetString() ?? "", out var access) ? access : throw new JsonException($"unknown access class '{reader.GetString()}'");

        public override void Write(Utf8JsonWriter writer, AccessClass value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToWireName());
    }
}

/// <summary>The effect of one direction of an s3 customization, and the options that add to it.</summary>
internal sealed class DirectionRule
{
    [JsonPropertyName("actions")] public required List<string> Actions { get; init; }
    [JsonPropertyName("class")] public required AccessClass Access { get; init; }
    [JsonPropertyName("why")] public string? Why { get; init; }
    [JsonPropertyName("flags")] public Dictionary<string, WordRule> Flags { get; init; } = [];
}

/// <summary>What one word (a keyword, a JSON key, an option) adds: actions, and a class that the result is at least.</summary>
internal sealed class WordRule
{
    [JsonPropertyName("actions")] public List<string> Actions { get; init; } = [];
    [JsonPropertyName("class")] public AccessClass? Access { get; init; }
    [JsonPropertyName("why")] public string? Why { get; init; }
}

/// <summary>An argument language: <c>statement</c> (SQL, PartiQL) or <c>keys</c> (JSON keys / shorthand words).</summary>
internal sealed class LanguageRule
{
    private Dictionary<string, WordRule> _byWord = [];

    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>True when the words decide the class outright; false when they can only raise the catalogue's.</summary>
    [JsonPropertyName("authoritative")] public bool Authoritative { get; init; }

    [JsonPropertyName("words")] public required Dictionary<string, WordRule> Words { get; init; }

    /// <summary>What a value we cannot see through means: every action the family can perform, its strictest class.</summary>
    [JsonPropertyName("unknown")] public required WordRule Unknown { get; init; }

    /// <summary>Words match case-insensitively: SQL keywords are, and for JSON keys matching more is the safe side.</summary>
    public WordRule? Find(string word) => _byWord.GetValueOrDefault(word);

    internal void Index() => _byWord = new Dictionary<string, WordRule>(Words, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One option of one command whose value is written in a language.</summary>
internal sealed class CommandRule
{
    /// <summary><c>service command</c> as the CLI spells it.</summary>
    [JsonPropertyName("command")] public required string Command { get; init; }
    [JsonPropertyName("option")] public required string Option { get; init; }
    [JsonPropertyName("language")] public required string Language { get; init; }

    /// <summary><c>string</c>, <c>strings</c>, <c>structures</c> or <c>document</c> (see the data file's comment).</summary>
    [JsonPropertyName("shape")] public required string Shape { get; init; }

    /// <summary>For <c>structures</c>: the member holding the statement.</summary>
    [JsonPropertyName("field")] public string? Field { get; init; }

    /// <summary>The command's own IAM actions, performed whatever the value says.</summary>
    [JsonPropertyName("actions")] public List<string> Actions { get; init; } = [];
}
