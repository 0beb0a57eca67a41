namespace AwsMcpTyped.Execution.Filters;

/// <summary>awk: one program (no -f program files, no input files or command-line assignments), and a program that
/// stays inside the stream: no system(), getline, ENVIRON, pipes to or from commands, or output redirection.</summary>
internal sealed class AwkRule() : FilterRule("awk", new FilterOptions
{
    ShortValues = ['F', 'v'],
    Denied = new(StringComparer.Ordinal)
    {
        ["-f"] = "it reads the program from a file", ["--file"] = "it reads the program from a file",
        ["-E"] = "it reads the program from a file", ["--exec"] = "it reads the program from a file",
        ["-i"] = "it includes source files", ["--include"] = "it includes source files",
        ["-l"] = "it loads extensions", ["--load"] = "it loads extensions",
    },
}, 1, 1, "one program")
{
    protected override string? CheckProgram(List<(string Name, List<string> Values)> options, List<string> operands) =>
        AwkProgram.FindForbidden(operands[0]) is { } problem ? "awk " + problem : null;
}
