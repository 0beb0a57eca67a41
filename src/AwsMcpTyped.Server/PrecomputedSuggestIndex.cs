using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Suggest;

namespace AwsMcpTyped.Server;

/// <summary>
/// suggest_commands' index, computed at build time by generators/AwsMcpTyped.SuggestIndexer and embedded in this
/// assembly (see the project file), so the first query loads it instead of building it (~3 s).
/// </summary>
public static class PrecomputedSuggestIndex
{
    public const string ResourceName = "AwsMcpTyped.Server.suggest-index.bin.br";

    /// <summary>The embedded index file, or null when this build has none.</summary>
    public static Stream? Open() => typeof(PrecomputedSuggestIndex).Assembly.GetManifestResourceStream(ResourceName);

    /// <summary>A suggester that starts from the embedded index; it builds its own if the index was made from
    /// another catalogue than <paramref name="catalogue"/>.</summary>
    public static CommandSuggester CreateSuggester(AwsCatalogue catalogue) => new(catalogue, Open);
}
