namespace AwsMcpTyped.Execution.Filters;

/// <summary>
/// The options a filter accepts, POSIX/GNU style: short flags (clustered, <c>-rn</c>), short options with a value
/// (<c>-n 5</c>, <c>-n5</c>), long flags, long options with a value (<c>--key 2</c>, <c>--key=2</c>), long options
/// whose value is optional and only ever attached (<c>--color</c>, <c>--color=never</c>) and options that are refused
/// with a reason (they read or write files, run programs or follow forever). Options may follow operands, as GNU
/// getopt permutes them.
/// </summary>
/// <remarks>
/// getopt_long also accepts any unambiguous prefix of a long option (<c>--files0</c> is <c>--files0-from</c>,
/// <c>--out</c> is <c>--output</c>). A prefix is therefore never taken as an option of its own: it is refused with the
/// full spelling, so a table that lacks some option of a newer tool version cannot be tricked by an abbreviation.
/// </remarks>
internal sealed class FilterOptions
{
    /// <summary>The name positional data operands are recorded under (jq --args).</summary>
    public const string Positional = "(positional)";

    public HashSet<char> ShortFlags { get; init; } = [];
    public HashSet<char> ShortValues { get; init; } = [];
    public HashSet<string> LongFlags { get; init; } = new(StringComparer.Ordinal);
    public HashSet<string> LongValues { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Long options with an optional value (<c>--color[=WHEN]</c>): a following word is never their value.</summary>
    public HashSet<string> LongOptionalValues { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Long options that take two values (jq --arg name value).</summary>
    public HashSet<string> LongPairs { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Flags after which operands beyond the first are data, not file names (jq --args, --jsonargs).</summary>
    public HashSet<string> PositionalData { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Refused options (short as "-x", long as "--name") and why.</summary>
    public Dictionary<string, string> Denied { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Options end at the first operand (awk: everything after the program is a file or an assignment),
    /// instead of GNU getopt's permutation.</summary>
    public bool OptionsEndAtFirstOperand { get; init; }
    /// <summary><c>-5</c> means <c>-n 5</c> (head, tail).</summary>
    public bool NumericShorthand { get; init; }

    private IEnumerable<string> LongNames =>
        LongFlags.Concat(LongValues).Concat(LongOptionalValues).Concat(LongPairs).Concat(PositionalData)
            .Concat(Denied.Keys.Where(k => k.StartsWith("--", StringComparison.Ordinal)));

    /// <summary>Splits arguments into recognised options (name, values) and operands, or says what is wrong.</summary>
    public (List<(string Name, List<string> Values)> Options, List<string> Operands, string? Problem) Parse(string program, IReadOnlyList<string> args)
    {
        var options = new List<(string, List<string>)>();
        var operands = new List<string>();
        var positionalData = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--" || (OptionsEndAtFirstOperand && operands.Count > 0))
            {
                foreach (var rest in args.Skip(arg == "--" ? i + 1 : i))
                    AddOperand(rest);
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (ParseLong(program, args, ref i, options) is { } problem)
                    return Fail(problem);
                positionalData |= PositionalData.Contains(arg);
                continue;
            }
            if (arg.Length > 1 && arg[0] == '-')
            {
                if (ParseShort(program, args, ref i, options) is { } problem)
                    return Fail(problem);
                continue;
            }
            AddOperand(arg);
        }
        return (options, operands, null);

        void AddOperand(string operand)
        {
            if (positionalData && operands.Count > 0)
                options.Add((Positional, [operand]));
            else
                operands.Add(operand);
        }

        (List<(string, List<string>)>, List<string>, string?) Fail(string problem) => ([], [], problem);
    }

    private string? ParseLong(string program, IReadOnlyList<string> args, ref int i, List<(string, List<string>)> options)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=');
        var name = equals < 0 ? arg : arg[..equals];
        var attached = equals < 0 ? null : arg[(equals + 1)..];
        if (Denied.TryGetValue(name, out var why))
            return $"{program} {name} is not allowed: {why}.";
        if (LongFlags.Contains(name) || PositionalData.Contains(name))
        {
            if (attached is not null)
                return $"{program} {name} takes no value; drop '={attached}'.";
            options.Add((name, []));
        }
        else if (LongOptionalValues.Contains(name))
            options.Add((name, attached is null ? [] : [attached]));
        else if (LongValues.Contains(name))
        {
            if (attached is not null)
                options.Add((name, [attached]));
            else if (i + 1 < args.Count)
                options.Add((name, [args[++i]]));
            else
                return $"{program} {name} needs a value.";
        }
        else if (LongPairs.Contains(name) && attached is null)
        {
            if (i + 2 >= args.Count)
                return $"{program} {name} needs two values.";
            options.Add((name, [args[i + 1], args[i + 2]]));
            i += 2;
        }
        else
        {
            var full = LongNames.Where(n => n.StartsWith(name, StringComparison.Ordinal)).Distinct().ToList();
            return full.Count > 0
                ? $"{program} {name} is an abbreviation; write the option in full ({string.Join(" or ", full.Order())}) so it is checked as what it is."
                : $"{program} option {name} is not in the allowed set for filters.";
        }
        return null;
    }

    private string? ParseShort(string program, IReadOnlyList<string> args, ref int i, List<(string, List<string>)> options)
    {
        var arg = args[i];
        if (NumericShorthand && arg.Skip(1).All(char.IsAsciiDigit))
        {
            options.Add(("-n", [arg[1..]]));
            return null;
        }
        for (var j = 1; j < arg.Length; j++)
        {
            var flag = arg[j];
            if (Denied.TryGetValue("-" + flag, out var why))
                return $"{program} -{flag} is not allowed: {why}.";
            if (ShortFlags.Contains(flag))
            {
                options.Add(("-" + flag, []));
                continue;
            }
            if (!ShortValues.Contains(flag))
                return $"{program} option -{flag} is not in the allowed set for filters.";
            if (j + 1 < arg.Length)
                options.Add(("-" + flag, [arg[(j + 1)..]]));
            else if (i + 1 < args.Count)
                options.Add(("-" + flag, [args[++i]]));
            else
                return $"{program} -{flag} needs a value.";
            return null;
        }
        return null;
    }
}
