using System.Text;

namespace AwsMcpTyped.Execution.Filters;

/// <summary>
/// Scans an awk program (outside string and regex literals) for what reaches outside the stream: system(),
/// getline (reads files or commands), ENVIRON, <c>|</c> (pipes to or from commands), and <c>&gt;</c>/<c>&gt;&gt;</c>
/// after print/printf at parenthesis depth 0, which awk's grammar reads as output redirection (a comparison inside
/// print needs parentheses).
/// </summary>
internal static class AwkProgram
{
    private static readonly HashSet<string> ForbiddenWords = new(StringComparer.Ordinal) { "system", "getline", "ENVIRON", "PROCINFO" };

    public static string? FindForbidden(string program)
    {
        var inPrint = false;
        var depth = 0;
        var previous = '\0'; // last significant character, to tell a regex from a division
        for (var i = 0; i < program.Length; i++)
        {
            var c = program[i];
            if (c == '"')
            {
                i = SkipLiteral(program, i, '"');
                previous = '"';
                continue;
            }
            if (c == '/' && StartsRegex(previous))
            {
                i = SkipLiteral(program, i, '/');
                previous = '/';
                continue;
            }
            if (c == '#')
            {
                while (i < program.Length && program[i] != '\n')
                    i++;
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var word = new StringBuilder();
                while (i < program.Length && (char.IsLetterOrDigit(program[i]) || program[i] == '_'))
                    word.Append(program[i++]);
                i--;
                var text = word.ToString();
                if (ForbiddenWords.Contains(text))
                    return $"'{text}' is not allowed in filters: it runs commands, reads files or reads the environment.";
                if (text is "print" or "printf")
                {
                    inPrint = true;
                    depth = 0;
                }
                previous = 'a';
                continue;
            }
            switch (c)
            {
                case '|' when i + 1 < program.Length && program[i + 1] == '|':
                    i++;
                    break;
                case '|':
                    return "'|' (a pipe to or from a command) is not allowed in filters.";
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '>' when inPrint && depth <= 0:
                    return "output redirection (print > file) is not allowed in filters; wrap comparisons in parentheses: print (a > b).";
                case ';' or '\n' or '}' or '{':
                    inPrint = false;
                    break;
            }
            if (!char.IsWhiteSpace(c))
                previous = c;
        }
        return null;
    }

    /// <summary>A '/' starts a regex where an operand is expected (not after a value, name or closing bracket).</summary>
    private static bool StartsRegex(char previous) => previous is '\0' or '(' or ',' or '!' or '~' or '{' or ';' or '&' or '|' or '=' or '?' or ':' or '\n' or '}' or '+' or '-' or '*' or '<' or '>';

    private static int SkipLiteral(string program, int start, char end)
    {
        for (var i = start + 1; i < program.Length; i++)
        {
            if (program[i] == '\\')
                i++;
            else if (program[i] == end)
                return i;
        }
        return program.Length;
    }
}
