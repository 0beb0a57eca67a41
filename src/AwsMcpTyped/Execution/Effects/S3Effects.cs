using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// The s3 customizations' effects by the direction of their paths (the tables are in Data/argument-effects.json):
/// a download only reads AWS, an upload writes, a move from S3 deletes its source, <c>--delete</c> and
/// <c>--force</c> delete. A path is S3 exactly when the CLI thinks so (<c>s3://</c>, case-sensitive, as
/// awscli's <c>startswith('s3://')</c>); anything else, <c>-</c> included, is local.
/// </summary>
internal static class S3Effects
{
    public static ArgumentEffect? Of(string command, ParsedArguments arguments, EffectRules rules)
    {
        if (!rules.S3.TryGetValue(command, out var directions))
            return null;
        var paths = arguments.Positionals.Select(p => p.Value).ToList();
        var direction = paths.Count switch
        {
            0 => "none",
            1 when IsS3(paths[0]) && Bucket(paths[0]).Length == 0 => "none", // 's3://': awscli lists every bucket
            1 when IsS3(paths[0]) => "s3",
            2 => $"{Side(paths[0])}>{Side(paths[1])}",
            _ => null,
        };
        if (direction is null || !directions.TryGetValue(direction, out var rule))
            return null;

        var actions = new SortedSet<string>(rule.Actions, StringComparer.Ordinal);
        var access = rule.Access;
        var why = new List<string> { $"s3 {command} {direction}" };
        foreach (var (flag, effect) in rule.Flags)
        {
            if (!arguments.Has(flag))
                continue;
            actions.UnionWith(effect.Actions);
            if (effect.Access is { } raised)
                access = Strictness.Max(access, raised);
            why.Add(flag);
        }
        return new ArgumentEffect(actions.ToArray(), access, string.Join(' ', why));
    }

    /// <summary>The bucket as awscli's find_bucket_key reads it: up to the first '/' after the scheme.</summary>
    private static string Bucket(string path) => path[5..].Split('/')[0];

    private static string Side(string path) => IsS3(path) ? "s3" : "local";

    private static bool IsS3(string path) => path.StartsWith("s3://", StringComparison.Ordinal);
}
