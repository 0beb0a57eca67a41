using System.Text.Json;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>The words an option's values use in their language, or that we cannot know them.</summary>
internal sealed record ValueWords(IReadOnlySet<string> Words, bool Unknown, string? UnknownWhy)
{
    public static ValueWords Unreadable(string why) => new(new HashSet<string>(), true, why);
}

/// <summary>
/// Reads an option's values as the CLI will send them, by the rule's shape: one statement, a list of statements, a
/// list of structures holding statements, or a document whose keys matter. JSON is decoded (so <c>"DEL\u0045TE"</c> is
/// DELETE); shorthand is scanned word by word. What the CLI would load from a file, or an escape shorthand might
/// turn into something else, is unknown: the caller then assumes the worst.
/// </summary>
internal static class ArgumentValues
{
    private static readonly string[] FilePrefixes = ["file://", "fileb://"];

    public static ValueWords Read(IReadOnlyList<string> values, CommandRule rule, LanguageRule language)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var statements = language.Kind == "statement";
        foreach (var value in values)
        {
            // The CLI loads file:// and fileb:// values (and shorthand '@=file://'): contents we do not read.
            if (FilePrefixes.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase)) && (rule.Shape != "string" || IsFile(value)))
                return ValueWords.Unreadable($"{rule.Option} is read from a file");
            var trimmed = value.TrimStart();
            var isJson = rule.Shape != "string" && trimmed.Length > 0 && trimmed[0] is '[' or '{';
            if (isJson)
            {
                if (!TryJson(value, rule, out var texts))
                    return ValueWords.Unreadable($"{rule.Option} is not JSON the scanner can decode");
                foreach (var text in texts)
                {
                    if (!Add(words, text, statements))
                        return ValueWords.Unreadable($"a statement in {rule.Option} does not tokenize");
                }
            }
            else if (rule.Shape is "structures" or "document")
            {
                // Shorthand: the statement sits inside the CLI's own quoting, so every word counts. An escape the
                // scanner does not model could spell a keyword: unknown.
                if (value.Contains("\\u", StringComparison.OrdinalIgnoreCase) || value.Contains("\\x", StringComparison.OrdinalIgnoreCase) || value.Contains("\\N", StringComparison.Ordinal))
                    return ValueWords.Unreadable($"{rule.Option} contains an escape sequence");
                words.UnionWith(StatementScanner.Words(value));
            }
            else if (!Add(words, value, statements))
                return ValueWords.Unreadable($"{rule.Option} does not tokenize");
        }
        return new ValueWords(words, false, null);
    }

    private static bool IsFile(string value) => FilePrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static bool Add(HashSet<string> words, string text, bool statement)
    {
        if (!statement)
        {
            words.UnionWith(StatementScanner.Words(text));
            return true;
        }
        var scan = StatementScanner.Scan(text);
        words.UnionWith(scan.Words);
        return !scan.Unknown;
    }

    /// <summary>The texts a JSON value holds for the rule: each string of a list of statements, each string member
    /// named <see cref="CommandRule.Field"/> (at any depth, every duplicate), or every property name of a document.</summary>
    private static bool TryJson(string value, CommandRule rule, out List<string> texts)
    {
        texts = [];
        try
        {
            using var document = JsonDocument.Parse(value);
            Collect(document.RootElement, rule, texts, inField: false);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static void Collect(JsonElement element, CommandRule rule, List<string> texts, bool inField)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (rule.Shape == "document")
                        texts.Add(property.Name);
                    var isField = rule.Field is { } field && string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase);
                    Collect(property.Value, rule, texts, isField);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, rule, texts, inField || rule.Shape == "strings");
                break;
            case JsonValueKind.String when inField:
                texts.Add(element.GetString()!);
                break;
        }
    }
}
