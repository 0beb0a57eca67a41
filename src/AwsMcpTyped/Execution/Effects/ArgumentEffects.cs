using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// The effects a command's arguments decide: the direction of an s3 copy, the verbs of a PartiQL or SQL statement,
/// the requests of a DynamoDB batch write, the expirations of a lifecycle configuration. Which options matter and what
/// their words mean are data (Data/argument-effects.json); this class only unites what the values say.
/// A value we cannot see through (a file, a statement no engine would tokenize, an escape) is the family's worst:
/// every action it can perform, its strictest class.
/// </summary>
internal static class ArgumentEffects
{
    private static readonly string[] InputFileOptions = ["--cli-input-json", "--cli-input-yaml"];

    /// <summary>Null when the arguments change nothing (the catalogue's actions and class stand); otherwise the
    /// complete list of IAM actions the command performs with these arguments, and its class.</summary>
    public static ArgumentEffect? Of(AwsInvocation invocation) => Of(invocation, EffectRules.Default);

    /// <summary>The mildest class the command can have with some arguments: a PartiQL statement tool is a read when
    /// it runs a SELECT, so read-only mode lists it (and refuses it when the statement writes).</summary>
    public static AccessClass MildestClass(string service, CommandDescriptor command)
    {
        var authoritative = EffectRules.Default.For(service, command.Name)
            .Select(rule => EffectRules.Default.Languages[rule.Language]).Where(language => language.Authoritative).ToList();
        return authoritative.Count == 0 ? command.Access
            : authoritative.SelectMany(l => l.Words.Values).Select(w => w.Access ?? AccessClass.Read).Aggregate(command.Access, Strictness.Min);
    }

    internal static ArgumentEffect? Of(AwsInvocation invocation, EffectRules rules)
    {
        if (invocation.Service is not { } service || invocation.Command is not { } command)
            return null;
        if (service.Name == "s3")
            return S3Effects.Of(command.Name, invocation.Arguments, rules);

        ArgumentEffect? result = null;
        foreach (var rule in rules.For(service.Name, command.Name))
        {
            var effect = OfOption(invocation, command, rule, rules.Languages[rule.Language]);
            if (effect is not null)
                result = result is null ? effect : Unite(result, effect);
        }
        return result;
    }

    private static ArgumentEffect? OfOption(AwsInvocation invocation, CommandDescriptor command, CommandRule rule, LanguageRule language)
    {
        // Every occurrence counts: whichever one the CLI keeps, we have looked at it.
        var values = invocation.Arguments.Options.Where(o => o.Argument.Name == rule.Option).SelectMany(o => o.Values).ToList();
        ValueWords read;
        if (values.Count == 0 && FromInputDocument(invocation, command, rule) is { } fromDocument)
            values = fromDocument; // typed tools pass their whole input as --cli-input-json
        if (values.Count > 0)
            read = ArgumentValues.Read(values, rule, language);
        else if (InputFileOptions.FirstOrDefault(invocation.Arguments.Has) is { } input && !HasInlineJson(invocation))
            read = ValueWords.Unreadable($"{rule.Option} may come from {input}"); // a file or YAML document we do not parse
        else
            return null; // the CLI refuses the command without it
        if (read.Unknown)
            return Worst(rule, language, read.UnknownWhy!);

        var matched = read.Words.Select(word => (Word: word, Rule: language.Find(word))).Where(m => m.Rule is not null).ToList();
        if (matched.Count == 0)
            return language.Authoritative ? Worst(rule, language, $"{rule.Option} has no statement verb the rules know") : null;

        var actions = new SortedSet<string>(rule.Actions, StringComparer.Ordinal);
        var access = AccessClass.Read;
        foreach (var (_, word) in matched)
        {
            actions.UnionWith(word!.Actions);
            access = Strictness.Max(access, word.Access ?? AccessClass.Read);
        }
        if (!language.Authoritative)
        {
            // SQL only raises: a SELECT can call functions with side effects, and Athena writes its results.
            if (Strictness.Rank(access) <= Strictness.Rank(command.Access))
                return null;
        }
        var verbs = string.Join(", ", matched.Select(m => m.Word.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal));
        return new ArgumentEffect(actions.ToArray(), access, $"{rule.Option}: {verbs}");
    }

    /// <summary>The option's member in an inline <c>--cli-input-json</c> document, as the values the option would have
    /// been given: a string member's text, anything else as JSON. Every duplicate key counts (the CLI's JSON reader keeps
    /// the last, we look at all). Null when there is no inline document; empty when it lacks the member.</summary>
    private static List<string>? FromInputDocument(AwsInvocation invocation, CommandDescriptor command, CommandRule rule)
    {
        if (!HasInlineJson(invocation) || command.FindArgument(rule.Option)?.Member is not { } member)
            return null;
        try
        {
            using var document = JsonDocument.Parse(InlineJson(invocation)!);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            return document.RootElement.EnumerateObject().Where(p => p.Name == member)
                .Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()).ToList();
        }
        catch (JsonException)
        {
            return null; // not JSON: the CLI refuses it before sending anything
        }
    }

    private static bool HasInlineJson(AwsInvocation invocation) => InlineJson(invocation) is not null;

    private static string? InlineJson(AwsInvocation invocation) =>
        invocation.Arguments.Options.Where(o => o.Argument.Name == InputFileOptions[0]).SelectMany(o => o.Values).LastOrDefault() is { } text &&
        text.TrimStart() is ['{' or '[', ..] ? text : null; // else file:// or a URL the CLI loads

    private static ArgumentEffect Worst(CommandRule rule, LanguageRule language, string why)
    {
        var actions = new SortedSet<string>(rule.Actions.Concat(language.Unknown.Actions), StringComparer.Ordinal);
        return new ArgumentEffect(actions.ToArray(), language.Unknown.Access ?? AccessClass.Destructive, $"{why}: assumed the worst");
    }

    private static ArgumentEffect Unite(ArgumentEffect a, ArgumentEffect b) =>
        new(a.Actions.Union(b.Actions).Order(StringComparer.Ordinal).ToArray(), Strictness.Max(a.Access, b.Access), $"{a.Why}; {b.Why}");
}
