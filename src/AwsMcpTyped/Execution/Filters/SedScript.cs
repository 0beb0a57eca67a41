namespace AwsMcpTyped.Execution.Filters;

/// <summary>
/// Reads a sed script the way GNU sed 4.9 compiles it (addresses, <c>!</c>, commands, labels, a/i/c text, s and y
/// with any delimiter, regexes with bracket expressions) and refuses every command that reaches outside the stream:
/// e, r, R, w, W and the e and w flags of s. Whatever cannot be read with certainty is refused rather than guessed at,
/// because a misread boundary (a label, a regex, a comment) is exactly where a hidden command would sit.
/// </summary>
internal sealed class SedScript
{
    /// <summary>Commands that reach outside the stream, and why each is refused.</summary>
    private static readonly Dictionary<char, string> Forbidden = new()
    {
        ['e'] = "runs a shell command", ['r'] = "reads a file", ['R'] = "reads a file",
        ['w'] = "writes a file", ['W'] = "writes a file",
    };

    /// <summary>Commands without arguments; l, q and Q may be followed by a number.</summary>
    private const string Simple = "=dDgGhHnNpPxzFlqQ";
    private const string TakesNumber = "lqQ";
    private const string SubstituteFlags = "gpiImM0123456789";
    /// <summary>What may follow a command (GNU read_end_of_cmd); '}' and '#' are read by the main loop.</summary>
    private const string CommandEnds = ";\n}#";
    private const string UnterminatedAddress = "address regex is unterminated; write it as /regex/ or \\%regex% (with a delimiter that is not inside [ ]).";

    private readonly string text;
    private int at;

    private SedScript(string text) => this.text = text;

    /// <summary>Null when the script only edits the stream; otherwise what is wrong and what to do instead.</summary>
    public static string? FindForbidden(string script) => new SedScript(script).ReadScript();

    private bool End => at >= text.Length;
    private char Peek => End ? '\0' : text[at];

    private string? ReadScript()
    {
        var depth = 0;
        while (true)
        {
            while (!End && (char.IsWhiteSpace(Peek) || Peek == ';'))
                at++;
            if (End)
                return depth == 0 ? null : "script has a '{' without its '}'.";
            if (ReadAddresses() is { } badAddress)
                return badAddress;
            SkipBlanks();
            if (Peek == '!')
            {
                at++;
                SkipBlanks();
            }
            if (End)
                return "script ends after an address; give the command to run on it.";
            var command = text[at++];
            var problem = command switch
            {
                '{' => Open(ref depth),
                '}' => --depth < 0 ? "script has a '}' without its '{'." : EndOfCommand('}'),
                '#' => SkipComment(),
                ':' => ReadLabel(required: true),
                'b' or 't' or 'T' or 'v' => ReadLabel(required: false),
                'a' or 'i' or 'c' => SkipText(),
                's' => ReadSubstitute(),
                'y' => ReadTransliterate(),
                _ when Forbidden.TryGetValue(command, out var why) =>
                    $"command '{command}' {why}; filters may only edit the stream, so it is not allowed.",
                _ when Simple.Contains(command) => ReadSimple(command),
                _ => $"command '{command}' is not supported in filters (use s, y, p, d, n, N, a, i, c, q, branches and hold space commands).",
            };
            if (problem is not null)
                return problem;
        }
    }

    private static string? Open(ref int depth)
    {
        depth++;
        return null;
    }

    private void SkipBlanks()
    {
        while (Peek is ' ' or '\t')
            at++;
    }

    private string? SkipComment()
    {
        while (!End && Peek != '\n')
            at++;
        return null;
    }

    /// <summary>After a command only blanks, then ';', a newline, '}', '#' or the end may follow.</summary>
    private string? EndOfCommand(char command)
    {
        SkipBlanks();
        return End || CommandEnds.Contains(Peek)
            ? null
            : $"unexpected '{Peek}' after command '{command}'; separate commands with ';' or a newline.";
    }

    private string? ReadSimple(char command)
    {
        SkipBlanks();
        if (TakesNumber.Contains(command))
        {
            while (char.IsAsciiDigit(Peek))
                at++;
        }
        return EndOfCommand(command);
    }

    /// <summary>
    /// GNU sed 4.9 ends a label at whitespace, ';' or '}' and reads the next command right after it, so
    /// <c>:a e id</c> runs <c>e id</c>; older seds run labels to the end of the line. Labels are limited to plain
    /// characters so that both readings agree on where the label stops.
    /// </summary>
    private string? ReadLabel(bool required)
    {
        SkipBlanks();
        var start = at;
        while (!End && !char.IsWhiteSpace(Peek) && Peek is not (';' or '}'))
            at++;
        var label = text[start..at];
        if (required && label.Length == 0)
            return "':' needs a label name.";
        return label.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? null
            : $"label '{label}' may only use letters, digits, '_', '.' and '-'; end it with ';' or a newline.";
    }

    /// <summary>a, i and c take text to the end of the line; a backslash continues it onto the next line.</summary>
    private string? SkipText()
    {
        while (!End && Peek != '\n')
            at += Peek == '\\' ? 2 : 1;
        return null;
    }

    private string? ReadSubstitute()
    {
        if (ReadDelimiter() is not { } delimiter)
            return DelimiterProblem('s');
        if (!ReadPart(delimiter, regex: true) || !ReadPart(delimiter, regex: false))
            return "s command is unterminated; write it as s/regex/replacement/flags (inside [ ] use another delimiter than the one in the brackets: s|[/]|_|).";
        while (true)
        {
            SkipBlanks();
            if (End || CommandEnds.Contains(Peek))
                return null;
            var flag = text[at++];
            if (flag == 'e')
                return "s///e runs the pattern space as a shell command; it is not allowed.";
            if (flag == 'w')
                return "s///w writes a file; it is not allowed (use the p flag to print instead).";
            if (!SubstituteFlags.Contains(flag))
                return $"s flag '{flag}' is not supported; use g, p, i/I, m/M or a number.";
        }
    }

    private string? ReadTransliterate()
    {
        if (ReadDelimiter() is not { } delimiter)
            return DelimiterProblem('y');
        return ReadPart(delimiter, regex: false) && ReadPart(delimiter, regex: false)
            ? EndOfCommand('y')
            : "y command is unterminated; write it as y/abc/xyz/.";
    }

    private char? ReadDelimiter()
    {
        if (End || char.IsWhiteSpace(Peek) || Peek is '\\' or '[' or ']')
            return null;
        return text[at++];
    }

    private static string DelimiterProblem(char command) =>
        $"{command} command needs a delimiter other than whitespace, '\\', '[' or ']' (for example {command}/a/b/).";

    private string? ReadAddresses()
    {
        if (!ReadAddress(first: true, out var present))
            return UnterminatedAddress;
        if (!present)
            return null;
        SkipBlanks();
        if (Peek != ',')
            return null;
        at++;
        SkipBlanks();
        if (!ReadAddress(first: false, out present))
            return UnterminatedAddress;
        return present ? null : "an address range needs a second address after ','.";
    }

    /// <summary>A line number (first~step), $, /regex/ or \cregexc with I/M flags; the second address may be +N or ~N.</summary>
    private bool ReadAddress(bool first, out bool present)
    {
        present = true;
        var c = Peek;
        if (char.IsAsciiDigit(c) || (!first && c is '+' or '~'))
        {
            at++;
            SkipDigits();
            if (first && Peek == '~')
            {
                at++;
                SkipDigits();
            }
            return true;
        }
        if (c == '$')
        {
            at++;
            return true;
        }
        if (c is not ('/' or '\\'))
        {
            present = false;
            return true;
        }
        if (c == '\\')
            at++;
        if (ReadDelimiter() is not { } delimiter || !ReadPart(delimiter, regex: true))
            return false;
        while (Peek is 'I' or 'M')
            at++;
        return true;
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek))
            at++;
    }

    /// <summary>
    /// Reads up to and past the closing delimiter. A backslash escapes the next character; in a regex a bracket
    /// expression (<c>[/]</c>, <c>[]x]</c>, <c>[[:alpha:]]</c>) hides the delimiter, as GNU sed reads it.
    /// A raw newline ends the part unterminated.
    /// </summary>
    private bool ReadPart(char delimiter, bool regex)
    {
        while (!End)
        {
            var c = text[at];
            if (c == delimiter)
            {
                at++;
                return true;
            }
            if (c == '\n')
                return false;
            if (c == '\\')
                at += 2;
            else if (c == '[' && regex)
            {
                if (!SkipBracket(delimiter))
                    return false;
            }
            else
                at++;
        }
        return false;
    }

    /// <summary>
    /// At '[': a ']' right after '[' or '[^' is literal; [:name:], [.x.] and [=x=] must be closed. The delimiter may
    /// not appear inside: GNU sed 4.9 reads <c>s/[/]/x/</c> as a bracket, seds that do not know brackets end the
    /// regex there, and the two readings would see different commands after it.
    /// </summary>
    private bool SkipBracket(char delimiter)
    {
        at++;
        if (Peek == '^')
            at++;
        if (Peek == ']')
            at++;
        while (!End)
        {
            var c = text[at];
            if (c == ']')
            {
                at++;
                return true;
            }
            if (c == delimiter)
                return false;
            if (c == '[' && at + 1 < text.Length && text[at + 1] is ':' or '.' or '=')
            {
                var close = text.IndexOf(text[at + 1] + "]", at + 2, StringComparison.Ordinal);
                if (close < 0)
                    return false;
                at = close + 2;
            }
            else if (c == '\n')
                return false;
            else
                at++;
        }
        return false;
    }
}
