namespace AwsMcpTyped.Execution.Filters;

/// <summary>awk: one program (no -f program files, no input files or command-line assignments), and a program that
/// stays inside the stream (see <see cref="AwkProgram"/>). Options end at the program, as in every awk: a later
/// <c>-F x</c> would be two file names.</summary>
internal sealed class AwkRule() : FilterRule("awk", new FilterOptions
{
    ShortValues = ['F', 'v'],
    OptionsEndAtFirstOperand = true,
    Denied = new(StringComparer.Ordinal)
    {
        ["-f"] = "it reads the program from a file", ["--file"] = "it reads the program from a file",
        ["-E"] = "it reads the program from a file", ["--exec"] = "it reads the program from a file",
        ["-i"] = "it includes source files", ["--include"] = "it includes source files",
        ["-l"] = "it loads extensions", ["--load"] = "it loads extensions",
        ["-W"] = "mawk's -W options include exec (a program file) and dump", ["-d"] = "it writes a variables file (gawk)",
        ["--dump-variables"] = "it writes a variables file (gawk)", ["-p"] = "it writes a profile file (gawk)",
        ["--profile"] = "it writes a profile file (gawk)", ["-o"] = "it writes a pretty-printed file (gawk)",
        ["--pretty-print"] = "it writes a pretty-printed file (gawk)",
    },
}, 1, 1, "one program")
{
    protected override string? CheckProgram(List<(string Name, List<string> Values)> options, List<string> operands)
    {
        var problem = options.Where(o => o.Name == "-v").Select(o => AwkProgram.CheckAssignment(o.Values[0])).FirstOrDefault(p => p is not null)
            ?? AwkProgram.FindForbidden(operands[0]);
        return problem is null ? null : "awk " + problem;
    }
}
