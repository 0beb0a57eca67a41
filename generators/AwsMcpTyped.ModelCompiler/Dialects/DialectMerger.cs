using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.ModelCompiler.Dialects;

/// <summary>
/// Merges one top-level command as each CLI version has it into the one catalogue entry that describes both: a
/// service, command or argument both versions have equally is kept once with <see cref="CliDialects.All"/>, anything
/// else is marked with the one version that has it. A command or argument whose record differs between the versions
/// (v1's operation <c>sso logout</c> vs v2's customization; an argument required in one version only) is listed twice
/// with disjoint dialects, so <see cref="ServiceDescriptor.For"/> gives back each version's table exactly.
/// Order: the first version's, with the next version's own entries inserted after the entry that precedes them there
/// (v2's --cli-input-yaml lands after --cli-input-json, as in v2's help).
/// </summary>
internal static class DialectMerger
{
    public static ServiceDescriptor Merge(IReadOnlyList<(CliDialects Dialect, ServiceDescriptor Service)> versions)
    {
        if (versions.Count == 0)
            throw new ArgumentException("no version to merge", nameof(versions));
        var first = versions[0].Service;
        foreach (var (dialect, other) in versions.Skip(1))
        {
            // Text fields (full name, a customization's title) may be worded differently; v1's is kept. Identity and
            // visibility cannot differ: the format has one service line per top-level command.
            if (other.Name != first.Name || other.BotocoreName != first.BotocoreName || other.AliasOf != first.AliasOf ||
                other.ApiVersion != first.ApiVersion || other.Hidden != first.Hidden)
                throw new InvalidDataException(
                    $"top-level command '{first.Name}' differs in identity or visibility between the CLI versions ({dialect}): " +
                    "the catalogue cannot express that; extend the .svcmodel service record");
        }

        var commands = new List<CommandDescriptor>();
        foreach (var (dialect, service) in versions)
            MergeInto(commands, service.Commands, c => c.Name, SameCommand, (merged, command) => merged with
            {
                Dialects = merged.Dialects | dialect,
                Arguments = MergeArguments(merged.Arguments, command.Arguments, dialect),
            }, command => command with
            {
                Dialects = dialect,
                Arguments = command.Arguments.Select(a => a with { Dialects = dialect }).ToList(),
            });
        return first with { Commands = commands, Dialects = versions.Aggregate(CliDialects.None, (all, v) => all | v.Dialect) };
    }

    private static List<ArgumentDescriptor> MergeArguments(IReadOnlyList<ArgumentDescriptor> merged, IReadOnlyList<ArgumentDescriptor> arguments, CliDialects dialect)
    {
        var result = merged.ToList();
        MergeInto(result, arguments, a => a.Name, SameArgument, (existing, _) => existing with { Dialects = existing.Dialects | dialect },
            argument => argument with { Dialects = dialect });
        return result;
    }

    /// <summary>Merges <paramref name="items"/> into <paramref name="merged"/>: an equal entry is combined; another
    /// version's form of a name is inserted right after the forms already there; anything else after the position of
    /// the item before it.</summary>
    private static void MergeInto<T>(List<T> merged, IEnumerable<T> items, Func<T, string> name, Func<T, T, bool> same,
        Func<T, T, T> combine, Func<T, T> only)
    {
        var previous = -1;
        foreach (var item in items)
        {
            var index = merged.FindIndex(existing => same(existing, item));
            if (index >= 0)
            {
                merged[index] = combine(merged[index], item);
                previous = index;
                continue;
            }
            var namesake = merged.FindLastIndex(existing => name(existing) == name(item));
            previous = namesake >= 0 ? namesake + 1 : previous + 1;
            merged.Insert(previous, only(item));
        }
    }

    /// <summary>Everything but the arguments (merged separately) and the dialects: access classes and IAM actions
    /// are per command name and data, so they agree wherever the command is the same.</summary>
    private static bool SameCommand(CommandDescriptor a, CommandDescriptor b) =>
        a.Name == b.Name && a.Operation == b.Operation && a.Kind == b.Kind && a.Access == b.Access && a.Flags == b.Flags &&
        a.Actions.SequenceEqual(b.Actions, StringComparer.Ordinal);

    private static bool SameArgument(ArgumentDescriptor a, ArgumentDescriptor b) =>
        a.Name == b.Name && a.Member == b.Member && a.Type == b.Type && a.Flags == b.Flags;
}
