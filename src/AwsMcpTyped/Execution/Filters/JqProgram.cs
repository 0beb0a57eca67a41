namespace AwsMcpTyped.Execution.Filters;

/// <summary>
/// A lexer for jq programs that finds what reaches outside the input: the environment (which holds AWS
/// credentials), input file names, and modules (import/include read files by path). It reads strings with nested
/// <c>\( … )</c> interpolation recursively, comments, <c>.field</c> names, <c>@format</c> names, numbers and
/// identifiers, and compares whole tokens, so neither a comment nor a string can hide a call and a string cannot
/// make one look like text.
/// </summary>
internal sealed class JqProgram
{
    /// <summary>Builtins and keywords that read the environment, file names or files, and why each is refused.</summary>
    private static readonly Dictionary<string, string> ForbiddenNames = new(StringComparer.Ordinal)
    {
        ["env"] = "it reads the environment, which holds credentials",
        ["input_filename"] = "it reveals input file names",
        ["import"] = "it loads modules from files", ["include"] = "it loads modules from files",
        ["module"] = "module directives are for library files", ["modulemeta"] = "it reads module files",
        ["get_search_list"] = "it reveals the module search path", ["get_prog_origin"] = "it reveals file locations",
        ["get_jq_origin"] = "it reveals file locations",
    };

    private static readonly Dictionary<string, string> ForbiddenVariables = new(StringComparer.Ordinal)
    {
        ["ENV"] = "it reads the environment, which holds credentials",
    };

    private readonly string text;
    private int at;

    private JqProgram(string text) => this.text = text;

    /// <summary>Null when the program only transforms its input; otherwise what is wrong and what to do instead.</summary>
    public static string? FindForbidden(string program) => new JqProgram(program).ReadTokens(untilCloseParen: false);

    private bool End => at >= text.Length;
    private char Peek => End ? '\0' : text[at];
    private char PeekAt(int offset) => at + offset < text.Length ? text[at + offset] : '\0';

    private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';
    private static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Reads tokens to the end, or (inside <c>\( … )</c>) to the ')' that closes the interpolation.</summary>
    private string? ReadTokens(bool untilCloseParen)
    {
        var depth = 0;
        var afterDollar = false; // jq 1.6 reads '$' and the name as two tokens: "$ ENV" is $ENV
        while (!End)
        {
            var c = text[at];
            if (char.IsWhiteSpace(c))
            {
                at++;
                continue;
            }
            if (c == '#')
            {
                if (SkipComment() is { } badComment)
                    return badComment;
                continue;
            }
            if (IsIdentStart(c))
            {
                var name = ReadIdentifier();
                var problem = afterDollar ? Check(ForbiddenVariables, "$" + name, name) : Check(ForbiddenNames, name, name);
                if (problem is not null)
                    return problem;
                if (name.Contains("::", StringComparison.Ordinal))
                    return $"jq '{name}' names a module function; modules are not available in filters.";
                afterDollar = false;
                continue;
            }
            afterDollar = c == '$';
            at++;
            switch (c)
            {
                case '"':
                    if (ReadString() is { } badString)
                        return badString;
                    break;
                case '.' when Peek == '.':
                    at++;
                    break;
                case '.' or '@' when IsIdentStart(Peek):
                    ReadIdentifier(); // a field name (.env) or a format (@sh), never a call
                    break;
                case >= '0' and <= '9':
                    SkipNumber();
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when untilCloseParen && depth == 0:
                    return null;
                case ')':
                    depth--;
                    break;
            }
        }
        return untilCloseParen ? "jq string interpolation \\( is not closed." : null;
    }

    private static string? Check(Dictionary<string, string> forbidden, string shown, string name) =>
        forbidden.TryGetValue(name, out var why) ? $"jq '{shown}' is not allowed in filters: {why}." : null;

    private string ReadIdentifier()
    {
        var start = at;
        while (true)
        {
            while (IsIdentPart(Peek))
                at++;
            if (Peek == ':' && PeekAt(1) == ':' && IsIdentStart(PeekAt(2)))
                at += 2;
            else
                return text[start..at];
        }
    }

    private void SkipNumber()
    {
        at = NumberLiteral.End(text, at);
    }

    /// <summary>
    /// jq 1.6 ends a comment at the newline; jq 1.7.1 lets a backslash continue it onto the next line (and treats
    /// carriage returns differently), so a comment with a backslash or CR would hide code from one version or the other.
    /// </summary>
    private string? SkipComment()
    {
        while (!End && Peek != '\n')
        {
            if (Peek is '\\' or '\r')
                return "jq comments may not contain a backslash or carriage return (jq versions disagree on where such a comment ends); remove the comment.";
            at++;
        }
        return null;
    }

    /// <summary>After the opening quote: escapes, and <c>\( … )</c> whose contents are a program read recursively.</summary>
    private string? ReadString()
    {
        while (!End)
        {
            var c = text[at++];
            if (c == '"')
                return null;
            if (c != '\\')
                continue;
            if (Peek == '(')
            {
                at++;
                if (ReadTokens(untilCloseParen: true) is { } problem)
                    return problem;
            }
            else
                at++;
        }
        return "jq string is not closed.";
    }
}
