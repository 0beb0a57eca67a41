using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation.Argparse;

/// <summary>
/// Python 3.11's <c>argparse.ArgumentParser.parse_known_args</c>, ported line for line for the parsers the AWS CLI
/// builds (both versions run on Python 3.11): unique-prefix abbreviations, <c>--x=value</c>, words that look like
/// options or negative numbers, the <c>'A'</c>/<c>'O'</c> pattern and its regular expressions for nargs, greedy
/// positionals, <c>--</c>, and required arguments. The AWS CLI parses a command with three of these in turn (global
/// options and the service; the operation; the operation's arguments), so agreeing with it means parsing as argparse
/// does, quirks included: <c>--reg us-west-2</c> is <c>--region</c>, a list takes every following value, and a
/// positional cut off by an option is no positional.
/// </summary>
/// <remarks>Type conversion and <c>choices</c> are left to the caller, which checks each match's values: argparse
/// would stop at the first such error, and the decision (refuse) is the same whichever error comes first.</remarks>
internal sealed class ArgparseParser<T>
{
    private static readonly Regex NegativeNumber = new(@"^-\d+$|^-\d*\.\d+$", RegexOptions.CultureInvariant);
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private readonly Dictionary<string, ArgparseAction<T>> _options = new(StringComparer.Ordinal);
    private readonly List<ArgparseAction<T>> _positionals = [];
    private readonly List<ArgparseAction<T>> _actions;

    /// <summary>A parser with these arguments, added in this order (a later option of the same name replaces an
    /// earlier one, as with the CLI's <c>conflict_handler='resolve'</c>).</summary>
    public ArgparseParser(IEnumerable<ArgparseAction<T>> actions)
    {
        _actions = actions.ToList();
        foreach (var action in _actions)
        {
            if (action.IsPositional)
                _positionals.Add(action);
            else
                _options[action.Name] = action;
        }
    }

    /// <summary>Parses <paramref name="args"/> as argparse does; the words no argument takes are the extras.</summary>
    public ArgparseResult<T> ParseKnownArgs(IReadOnlyList<string> args)
    {
        var optionAt = new SortedDictionary<int, OptionWord>();
        var pattern = new StringBuilder(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                // Everything after "--" is a value.
                pattern.Append('-').Append('A', args.Count - i - 1);
                break;
            }
            var (word, error) = ParseOptional(args[i], i);
            if (error is not null)
                return ArgparseResult<T>.Failed(error);
            if (word is null)
            {
                pattern.Append('A');
                continue;
            }
            optionAt[i] = word.Value;
            pattern.Append('O');
        }
        return new Run(this, args, pattern.ToString(), optionAt).Parse();
    }

    /// <summary>Whether a parser with no options reads the word as a value ('A'): empty, no leading "-", a lone "-",
    /// a negative number, or a word with a space.</summary>
    public static bool IsValueWord(string word) =>
        word.Length <= 1 || word[0] != '-' || NegativeNumber.IsMatch(word) || word.Contains(' ');

    /// <summary>argparse's <c>_parse_optional</c>: null for a value ('A'), else the option the word names (its action
    /// null when this parser has no such option).</summary>
    private (OptionWord? Word, ArgparseError? Error) ParseOptional(string word, int position)
    {
        if (word.Length == 0 || word[0] != '-')
            return (null, null);
        if (_options.TryGetValue(word, out var exact))
            return (new OptionWord(exact, word, null), null);
        if (word.Length == 1)
            return (null, null);
        var equals = word.IndexOf('=');
        if (equals >= 0 && _options.TryGetValue(word[..equals], out var named))
            return (new OptionWord(named, word[..equals], word[(equals + 1)..]), null);

        var matches = OptionTuples(word);
        if (matches.Count > 1)
            return (null, new ArgparseError(ArgparseErrorKind.AmbiguousOption, position, word, null, [.. matches.Select(m => m.OptionString)]));
        if (matches.Count == 1)
            return (matches[0], null);
        if (NegativeNumber.IsMatch(word) || word.Contains(' '))
            return (null, null);
        return (new OptionWord(null, word, null), null);
    }

    /// <summary>argparse's <c>_get_option_tuples</c> with <c>allow_abbrev</c>: every option the word (before any '=')
    /// is a prefix of. Single-dash words match only single-dash options, which the CLI has none of.</summary>
    private List<OptionWord> OptionTuples(string word)
    {
        var result = new List<OptionWord>();
        if (word.Length > 1 && word[1] == '-')
        {
            var equals = word.IndexOf('=');
            var prefix = equals < 0 ? word : word[..equals];
            var explicitValue = equals < 0 ? null : word[(equals + 1)..];
            foreach (var (name, action) in _options)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                    result.Add(new OptionWord(action, name, explicitValue));
            }
        }
        else
        {
            foreach (var (name, action) in _options)
            {
                if (name == word[..2])
                    result.Add(new OptionWord(action, name, word[2..]));
                else if (name.StartsWith(word, StringComparison.Ordinal))
                    result.Add(new OptionWord(action, name, null));
            }
        }
        return result;
    }

    /// <summary>argparse's <c>_get_nargs_pattern</c>: a regular expression over the 'A'/'O'/'-' pattern.</summary>
    private static string NargsPattern(ArgparseAction<T> action)
    {
        var values = action.Values;
        var pattern = (values.Min, values.Max) switch
        {
            (1, 1) => "(-*A-*)",
            (0, 1) => "(-*A?-*)",
            (0, int.MaxValue) => "(-*[A-]*)",
            (1, int.MaxValue) => "(-*A[A-]*)",
            var (min, _) => "(-*" + string.Join("-*", Enumerable.Repeat("A", min)) + "-*)",
        };
        // Options never take a "--" as a value.
        return action.IsPositional ? pattern : pattern.Replace("-*", "").Replace("-", "");
    }

    private static Regex Compiled(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex("^" + p, RegexOptions.CultureInvariant));

    private readonly record struct OptionWord(ArgparseAction<T>? Action, string OptionString, string? ExplicitValue);

    /// <summary>One call of <c>parse_known_args</c>: its local state and nested functions.</summary>
    private sealed class Run(ArgparseParser<T> parser, IReadOnlyList<string> args, string pattern, SortedDictionary<int, OptionWord> optionAt)
    {
        private readonly List<ArgparseMatch<T>> _matches = [];
        private readonly List<int> _extras = [];
        private readonly HashSet<ArgparseAction<T>> _seen = [];
        private readonly List<ArgparseAction<T>> _positionals = [.. parser._positionals];
        private ArgparseError? _error;

        public ArgparseResult<T> Parse()
        {
            var maxOptionIndex = optionAt.Count == 0 ? -1 : optionAt.Keys.Max();
            var start = 0;
            while (start <= maxOptionIndex)
            {
                var nextOption = optionAt.Keys.First(i => i >= start);
                if (start != nextOption)
                {
                    var end = ConsumePositionals(start);
                    if (end > start)
                    {
                        start = end;
                        continue;
                    }
                    start = end;
                }
                if (!optionAt.ContainsKey(start))
                {
                    for (var i = start; i < nextOption; i++)
                        _extras.Add(i);
                    start = nextOption;
                }
                start = ConsumeOptional(start);
                if (_error is not null)
                    return Result(_error);
            }
            var stop = ConsumePositionals(start);
            for (var i = stop; i < args.Count; i++)
                _extras.Add(i);

            var missing = parser._actions.Where(a => a.Required && !_seen.Contains(a)).Select(a => a.Name).ToList();
            return Result(missing.Count > 0 ? new ArgparseError(ArgparseErrorKind.RequiredMissing, args.Count, null, null, missing) : null);
        }

        /// <summary>What was parsed, with the error that ended the parse, if any (argparse has acted on the
        /// arguments before it: <c>--version</c> has printed).</summary>
        private ArgparseResult<T> Result(ArgparseError? error) =>
            new(_matches, _extras.Select(i => new ArgparseExtra(i, args[i])).ToList(), error);

        private int ConsumeOptional(int start)
        {
            var (action, optionString, explicitValue) = optionAt[start];
            if (action is null)
            {
                _extras.Add(start);
                return start + 1;
            }
            if (explicitValue is not null)
            {
                if (Match(action, "A") == 1)
                {
                    Take(action, start, optionString, [explicitValue]);
                    return start + 1;
                }
                _error = new ArgparseError(ArgparseErrorKind.IgnoredExplicitValue, start, args[start], action.Name, []);
                return start + 1;
            }
            var count = Match(action, pattern[(start + 1)..]);
            if (count < 0)
            {
                _error = new ArgparseError(ArgparseErrorKind.ExpectedValues, start, args[start], action.Name, []) { Expected = action.Values };
                return start + 1;
            }
            Take(action, start, optionString, Enumerable.Range(start + 1, count).Select(i => args[i]).ToList());
            return start + 1 + count;
        }

        private int ConsumePositionals(int start)
        {
            var selected = pattern[start..];
            for (var take = _positionals.Count; take > 0; take--)
            {
                var match = Compiled(string.Concat(_positionals.Take(take).Select(NargsPattern))).Match(selected);
                if (!match.Success)
                    continue;
                for (var p = 0; p < take; p++)
                {
                    var count = match.Groups[p + 1].Length;
                    Take(_positionals[p], start, null, Enumerable.Range(start, count).Select(i => args[i]).ToList());
                    start += count;
                }
                _positionals.RemoveRange(0, take);
                break;
            }
            return start;
        }

        /// <summary>argparse's <c>_match_argument</c>: how many values the action takes from the pattern, -1 if the
        /// pattern cannot give it what its nargs needs.</summary>
        private static int Match(ArgparseAction<T> action, string selected)
        {
            var match = Compiled(NargsPattern(action)).Match(selected);
            return match.Success ? match.Groups[1].Length : -1;
        }

        private void Take(ArgparseAction<T> action, int position, string? optionString, List<string> values)
        {
            _seen.Add(action);
            values.Remove("--"); // argparse strips the first "--" from an action's values
            _matches.Add(new ArgparseMatch<T>(action, position, optionString, values));
        }
    }
}
