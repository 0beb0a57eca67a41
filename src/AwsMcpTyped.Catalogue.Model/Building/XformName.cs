using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// A port of <c>botocore.xform_name(name, '-')</c>: CamelCase → kebab-case as the AWS CLI spells commands
/// and arguments. botocore's hard-coded cache (names the regexes split wrongly, e.g. iSCSI, WhatsApp)
/// is checked-in data: generators/data/xform-special-cases.json.
/// </summary>
internal sealed partial class XformName(IReadOnlyDictionary<string, string> specialCases)
{
    /// <summary>The special cases of one CLI version's data folder (generators/data, generators/data/v2).</summary>
    public static XformName Load(string dataDirectory) => Load(CatalogueDataFiles.FromDirectory(dataDirectory));

    public static XformName Load(CatalogueDataFiles data)
    {
        var json = data.ReadJson(FileName);
        var names = json["names"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);
        return new XformName(names);
    }

    public const string FileName = "xform-special-cases.json";

    public string Transform(string name)
    {
        if (name.Contains('-'))
            return name;
        if (specialCases.TryGetValue(name, out var special))
            return special;
        // "GatewayARNs" → "Gateway-arns": a trailing plural acronym stays one word.
        var plural = PluralAcronym().Match(name);
        if (plural.Success)
            name = string.Concat(name.AsSpan(0, plural.Index), "-", plural.Value.ToLowerInvariant());
        var firstCap = FirstCap().Replace(name, "$1-$2");
        return EndCap().Replace(firstCap, "$1-$2").ToLowerInvariant();
    }

    [GeneratedRegex("[A-Z]{2,}s$")]
    private static partial Regex PluralAcronym();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex FirstCap();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex EndCap();
}
