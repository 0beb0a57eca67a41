namespace AwsMcpTyped.Execution.Filters;

/// <summary>
/// The options a filter accepts, POSIX/GNU style: short flags (clustered, <c>-rn</c>), short options with a value
/// (<c>-n 5</c>, <c>-n5</c>), long flags, long options with a value (<c>--key 2</c>, <c>--key=2</c>) and options that
/// are refused with a reason (they read or write files, run programs or follow forever).
/// </summary>
internal sealed class FilterOptions
{
    public HashSet<char> ShortFlags { get; init; } = [];
    public HashSet<char> ShortValues { get; init; } = [];
    public HashSet<string> LongFlags { get; init; } = new(StringComparer.Ordinal);
    public HashSet<string> LongValues { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Long options that take two values (jq --arg name value).</summary>
    public HashSet<string> LongPairs { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Refused options (short as "-x", long as "--name") and why.</summary>
    public Dictionary<string, string> Denied { get; init; } = new(StringComparer.Ordinal);
    /// <summary><c>-5</c> means <c>-n 5</c> (head, tail).</summary>
    public bool NumericShorthand { get; init; }

    /// <summary>Splits arguments into recognised options (name, values) and operands, or says what is wrong.</summary>
    public (List<(string Name, List<string> Values)> Options, List<string> Operands, string? Problem) Parse(string program, IReadOnlyList<string> args)
    {
        var options = new List<(string, List<string>)>();
        var operands = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                operands.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = arg.IndexOf('=');
                var name = equals < 0 ? arg : arg[..equals];
                if (Denied.TryGetValue(name, out var why))
                    return Fail($"{program} {name} is not allowed: {why}.");
                if (LongFlags.Contains(name) && equals < 0)
                    options.Add((name, []));
                else if (LongValues.Contains(name))
                {
                    if (equals >= 0)
                        options.Add((name, [arg[(equals + 1)..]]));
                    else if (i + 1 < args.Count)
                        options.Add((name, [args[++i]]));
                    else
                        return Fail($"{program} {name} needs a value.");
                }
                else if (LongPairs.Contains(name) && equals < 0)
                {
                    if (i + 2 >= args.Count)
                        return Fail($"{program} {name} needs two values.");
                    options.Add((name, [args[i + 1], args[i + 2]]));
                    i += 2;
                }
                else
                    return Fail($"{program} option {name} is not in the allowed set for filters.");
                continue;
            }
            if (arg.Length > 1 && arg[0] == '-')
            {
                if (NumericShorthand && arg.Skip(1).All(char.IsAsciiDigit))
                {
                    options.Add(("-n", [arg[1..]]));
                    continue;
                }
                for (var j = 1; j < arg.Length; j++)
                {
                    var flag = arg[j];
                    if (Denied.TryGetValue("-" + flag, out var why))
                        return Fail($"{program} -{flag} is not allowed: {why}.");
                    if (ShortFlags.Contains(flag))
                    {
                        options.Add(("-" + flag, []));
                        continue;
                    }
                    if (!ShortValues.Contains(flag))
                        return Fail($"{program} option -{flag} is not in the allowed set for filters.");
                    if (j + 1 < arg.Length)
                        options.Add(("-" + flag, [arg[(j + 1)..]]));
                    else if (i + 1 < args.Count)
                        options.Add(("-" + flag, [args[++i]]));
                    else
                        return Fail($"{program} -{flag} needs a value.");
                    break;
                }
                continue;
            }
            operands.Add(arg);
        }
        return (options, operands, null);

        (List<(string, List<string>)>, List<string>, string?) Fail(string problem) => ([], [], problem);
    }
}
