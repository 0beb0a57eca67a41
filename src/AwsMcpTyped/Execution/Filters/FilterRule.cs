namespace AwsMcpTyped.Execution.Filters;

/// <summary>
/// One allowed filter program: which options and operands it may have, so that it only ever reads the previous
/// stage's output and writes its own. Operands that would be file names are refused.
/// </summary>
internal class FilterRule(string name, FilterOptions options, int minOperands = 0, int maxOperands = 0, string? operandsAre = null)
{
    public string Name { get; } = name;

    /// <summary>Null when the arguments are safe; otherwise an actionable reason.</summary>
    public string? Check(IReadOnlyList<string> args)
    {
        var (parsed, operands, problem) = options.Parse(Name, args);
        if (problem is not null)
            return problem;
        var (min, max) = OperandRange(parsed);
        if (operands.Count > max)
        {
            if (operands[max] == "-")
                return $"{Name}: leave out '-': filters always read standard input, the previous stage's output.";
            return max == 0
                ? $"{Name} may not name files ('{operands[0]}'): filters only read the previous stage's output."
                : $"{Name} takes {operandsAre}; '{operands[max]}' would be read as a file name, which filters may not do.";
        }
        if (operands.Count < min)
            return $"{Name} needs {operandsAre}.";
        return CheckProgram(parsed, operands);
    }

    /// <summary>The argument list to launch with (a rule may add hardening options).</summary>
    public virtual IReadOnlyList<string> LaunchArguments(IReadOnlyList<string> args) => args;

    /// <summary>How many operands are allowed given the options (e.g. grep -e moves the pattern into an option).</summary>
    protected virtual (int Min, int Max) OperandRange(List<(string Name, List<string> Values)> options) => (minOperands, maxOperands);

    /// <summary>Checks program text (jq, awk, sed) for escape hatches.</summary>
    protected virtual string? CheckProgram(List<(string Name, List<string> Values)> options, List<string> operands) => null;
}
