namespace AwsMcpTyped.Execution.Filters;

/// <summary>
/// Checks the tokens of an awk program (see <see cref="AwkLexer"/>) for what reaches outside the stream: commands
/// (system, pipes, coprocesses), files (getline, output redirection, ARGV), the environment (ENVIRON, PROCINFO,
/// SYMTAB) and gawk's directives and indirect calls. Names are compared as whole tokens, so a string, regex or comment
/// never hides one and <c>systemd</c> is not <c>system</c>.
/// </summary>
internal static class AwkProgram
{
    /// <summary>Names that reach outside the stream, and why each is refused.</summary>
    private static readonly Dictionary<string, string> ForbiddenNames = new(StringComparer.Ordinal)
    {
        ["system"] = "it runs a shell command",
        ["getline"] = "it reads files or command output (filters read only their input stream)",
        ["close"] = "it closes files and commands, which filters never open",
        ["ENVIRON"] = "it reads the environment, which holds credentials",
        ["PROCINFO"] = "it exposes process details (gawk)",
        ["SYMTAB"] = "it reaches any variable by name, ENVIRON included (gawk)",
        ["FUNCTAB"] = "it calls functions by name (gawk)",
        ["ARGV"] = "assigning it makes awk read files",
        ["ARGC"] = "assigning it makes awk read files",
    };

    /// <summary>Operators that reach outside the stream, and why each is refused.</summary>
    private static readonly Dictionary<string, string> ForbiddenOperators = new(StringComparer.Ordinal)
    {
        ["|"] = "'|' pipes to or from a command",
        ["|&"] = "'|&' starts a coprocess (gawk)",
        ["::"] = "'::' names a gawk namespace",
    };

    /// <summary>Null when the program only reads its input stream and writes standard output.</summary>
    public static string? FindForbidden(string program)
    {
        var (tokens, problem) = AwkLexer.Read(program);
        if (problem is not null)
            return problem;
        var defined = tokens.Where((t, i) => i > 0 && t.Kind == AwkTokenKind.Name && tokens[i - 1].Text is "function" or "func")
            .Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var inPrint = false;
        var depth = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == AwkTokenKind.Name)
            {
                if (CheckName(token, defined) is { } badName)
                    return badName;
                if (token.Text is "print" or "printf")
                    (inPrint, depth) = (true, 0);
                continue;
            }
            if (token.Kind != AwkTokenKind.Operator && token.Kind != AwkTokenKind.Newline)
                continue;
            if (ForbiddenOperators.TryGetValue(token.Text, out var why))
                return $"{why}; it is not allowed in filters.";
            switch (token.Text)
            {
                case "(":
                    depth++;
                    break;
                case ")":
                    depth--;
                    break;
                case ">" or ">>" or ">=" when inPrint && depth <= 0:
                    return "output redirection (print > file) is not allowed in filters; wrap comparisons in parentheses: print (a > b).";
                case ";" or "\n" or "{" or "}":
                    inPrint = false;
                    break;
            }
        }
        return null;
    }

    private static string? CheckName(AwkToken token, HashSet<string> defined)
    {
        if (ForbiddenNames.TryGetValue(token.Text, out var why))
            return $"'{token.Text}' is not allowed in filters: {why}.";
        if (token.CallFollows && !AwkLexer.Builtins.Contains(token.Text) && !AwkLexer.Keywords.Contains(token.Text) && !defined.Contains(token.Text))
            return $"function '{token.Text}' is neither a computing awk builtin nor defined in the program; define it with function {token.Text}(...) {{ ... }}.";
        return null;
    }

    /// <summary>
    /// A -v assignment: awk stores the value (after processing its escape sequences) as data and never runs it, so
    /// what matters is the name: it must be a plain variable, not ENVIRON, ARGV or another name refused in programs.
    /// </summary>
    public static string? CheckAssignment(string assignment)
    {
        var equals = assignment.IndexOf('=');
        var name = equals < 0 ? assignment : assignment[..equals];
        if (equals <= 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return $"-v takes name=value with a plain variable name, not '{assignment}'.";
        if (ForbiddenNames.TryGetValue(name, out var why))
            return $"-v may not assign '{name}': {why}.";
        return AwkLexer.Keywords.Contains(name) || AwkLexer.Builtins.Contains(name)
            ? $"-v may not assign '{name}': it is an awk keyword or function."
            : null;
    }
}
