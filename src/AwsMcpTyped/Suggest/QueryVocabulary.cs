using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// The checked-in request vocabulary (<c>Data/aliases.json</c>, embedded): phrases users say for services and
/// commands ("parameter store" → ssm, "who am i" → sts get-caller-identity) and request words that prefer
/// command verbs ("show" → describe/list/get). Phrases and words are analysed like documents.
/// </summary>
internal sealed class QueryVocabulary
{
    public const string ResourceName = "AwsMcpTyped.Suggest.aliases.json";

    public sealed record Alias(string[] Phrase, IReadOnlyList<string> Services, IReadOnlyList<string> Terms, IReadOnlyList<string> Commands);

    public IReadOnlyList<Alias> Aliases { get; }

    /// <summary>Stemmed request word → the command verbs it prefers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> VerbIntents { get; }

    /// <summary>Service names that are also ordinary words ("account", "deploy", "events"): saying them is not
    /// naming the service.</summary>
    public IReadOnlySet<string> AmbiguousServiceNames { get; }

    private QueryVocabulary(IReadOnlyList<Alias> aliases, IReadOnlyDictionary<string, IReadOnlyList<string>> verbIntents,
        IReadOnlySet<string> ambiguousServiceNames)
    {
        Aliases = aliases;
        VerbIntents = verbIntents;
        AmbiguousServiceNames = ambiguousServiceNames;
    }

    public static QueryVocabulary Load()
    {
        using var stream = typeof(QueryVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        var file = JsonSerializer.Deserialize(stream, VocabularyJsonContext.Default.VocabularyFile)
            ?? throw new InvalidDataException($"{ResourceName} is empty.");
        var aliases = file.Aliases
            .Select(a => new Alias(TextAnalyzer.Tokens(a.Phrase).Select(t => t.Term).ToArray(), a.Services ?? [],
                (a.Terms ?? []).SelectMany(TextAnalyzer.Terms).ToArray(), a.Commands ?? []))
            .Where(a => a.Phrase.Length > 0)
            .ToList();
        var verbs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var intent in file.VerbIntents)
        {
            foreach (var word in intent.Words)
            {
                var term = TextAnalyzer.Tokens(word)[0].Term;
                verbs[term] = verbs.GetValueOrDefault(term, []).Concat(intent.Verbs).Distinct().ToArray();
            }
        }
        return new QueryVocabulary(aliases, verbs, file.AmbiguousServiceNames.ToHashSet(StringComparer.Ordinal));
    }
}

internal sealed class VocabularyFile
{
    public List<VerbIntentEntry> VerbIntents { get; init; } = [];
    public List<AliasEntry> Aliases { get; init; } = [];
    public List<string> AmbiguousServiceNames { get; init; } = [];
}

internal sealed class VerbIntentEntry
{
    public List<string> Words { get; init; } = [];
    public List<string> Verbs { get; init; } = [];
}

internal sealed class AliasEntry
{
    public required string Phrase { get; init; }
    public List<string>? Services { get; init; }
    public List<string>? Terms { get; init; }
    public List<string>? Commands { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(VocabularyFile))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
