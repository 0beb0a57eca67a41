namespace AwsMcpTyped.Execution.Filters;

/// <summary>The kinds of awk tokens the checks tell apart.</summary>
internal enum AwkTokenKind { Name, Number, String, Regex, Newline, Operator }

/// <summary>One awk token; <paramref name="CallFollows"/> is a name directly followed by '(' (a function call).</summary>
internal sealed record AwkToken(AwkTokenKind Kind, string Text, bool CallFollows = false);

/// <summary>
/// Splits an awk program into tokens as awk's own scanner does: strings with escapes, regex literals, comments,
/// backslash-newline continuations and operators. A '/' starts a regex where an operand is expected and is a division
/// after an operand, the rule gawk, mawk, BusyBox and BWK awk share; where they disagree (after the ')' of an
/// if/while/for header, after a builtin name such as <c>length</c>, after a prefix <c>++</c>) the program is refused,
/// since text one awk reads as a regex another reads as code.
/// </summary>
internal sealed class AwkLexer
{
    /// <summary>Keywords after which an operand (so a regex) is expected.</summary>
    public static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "BEGIN", "END", "BEGINFILE", "ENDFILE", "function", "func", "if", "else", "while", "for", "do", "break",
        "continue", "next", "nextfile", "exit", "return", "delete", "in", "getline", "print", "printf", "switch",
        "case", "default",
    };

    /// <summary>Keywords of gawk that mawk and BWK awk read as plain variable names, so a '/' after them is a regex
    /// in one awk and a division in another (<c>case /"/ …</c>).</summary>
    private static readonly HashSet<string> DialectKeywords = new(StringComparer.Ordinal)
    {
        "switch", "case", "default", "BEGINFILE", "ENDFILE", "func", "nextfile",
    };

    /// <summary>Builtin functions of gawk, mawk and BusyBox awk that only compute.</summary>
    public static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "sin", "cos", "atan2", "exp", "log",
        "sqrt", "int", "rand", "srand", "tolower", "toupper", "fflush", "systime", "strftime", "mktime", "gensub",
        "patsplit", "asort", "asorti", "and", "or", "xor", "lshift", "rshift", "compl", "strtonum", "isarray", "typeof",
    };

    /// <summary>Headers whose closing ')' is followed by a statement, which mawk and gawk scan differently.</summary>
    private static readonly HashSet<string> Headers = new(StringComparer.Ordinal) { "if", "while", "for", "switch" };

    private static readonly string[] Operators =
    [
        "**=", "||", "&&", "==", "!=", "<=", ">=", ">>", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", "**", "!~", "|&", "::",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "|", "!", "~", "?", ":", "+", "-", "*", "/", "%", "^", "$", "=",
    ];

    private readonly string text;
    private readonly List<AwkToken> tokens = [];
    private readonly Stack<bool> parens = new(); // true: the '(' of an if/while/for/switch/function header
    private int at;
    private bool previousEndsOperand;
    private bool previousIsHeaderClose;
    /// <summary>The line break(s) just read follow an operand: an awk that joins such lines (BusyBox inside
    /// parentheses) would read a following '/' as a division.</summary>
    private bool lineBreakAfterOperand;

    private AwkLexer(string text) => this.text = text;

    /// <summary>The tokens, or what could not be read and what to write instead.</summary>
    public static (List<AwkToken> Tokens, string? Problem) Read(string program)
    {
        var lexer = new AwkLexer(program);
        var problem = lexer.ReadAll();
        return (lexer.tokens, problem);
    }

    private bool End => at >= text.Length;
    private char Peek => End ? '\0' : text[at];
    private char PeekAt(int offset) => at + offset < text.Length ? text[at + offset] : '\0';

    private string? ReadAll()
    {
        while (!End)
        {
            var c = text[at];
            if (c is ' ' or '\t')
                at++;
            else if (c == '\\' && PeekAt(1) == '\n')
                at += 2; // line continuation
            else if (c == '#')
            {
                while (!End && Peek != '\n')
                    at++;
            }
            else if (c == '\n')
            {
                at++;
                lineBreakAfterOperand = previousEndsOperand || (tokens.Count > 0 && tokens[^1].Kind == AwkTokenKind.Newline && lineBreakAfterOperand);
                Add(AwkTokenKind.Newline, "\n", endsOperand: false);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
                ReadName();
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(PeekAt(1))))
                ReadNumber();
            else if (c == '"')
            {
                if (!ReadDelimited('"', brackets: false))
                    return "awk string is not closed on its line.";
                Add(AwkTokenKind.String, "\"", endsOperand: true);
            }
            else if (c == '/' && SlashStartsRegex() is var regex)
            {
                if (regex is null)
                    return $"awk '/' after {Shown(tokens[^1])} is read as a regex by some awks and as a division by others; add parentheses, e.g. (x) / 2 or ($0 ~ /re/), or end the previous statement with ';'.";
                if (regex.Value)
                {
                    if (ReadDelimited('/', brackets: true) is false)
                        return "awk regex is not closed on its line, or has an unescaped '/' inside [ ]; write \\/ for a slash.";
                    Add(AwkTokenKind.Regex, "/", endsOperand: true);
                }
                else
                    ReadOperator();
            }
            else if (ReadOperator() is false)
                return c == '@'
                    ? "awk '@' (gawk @include, @load, @namespace and indirect calls @f()) is not allowed in filters."
                    : $"awk character '{(c == '\r' ? "\\r" : c)}' is not allowed outside strings and regexes in filters.";
        }
        return null;
    }

    private void Add(AwkTokenKind kind, string value, bool endsOperand, bool callFollows = false, bool headerClose = false)
    {
        tokens.Add(new AwkToken(kind, value, callFollows));
        previousEndsOperand = endsOperand;
        previousIsHeaderClose = headerClose;
    }

    private static string Shown(AwkToken token) => token.Kind == AwkTokenKind.Newline ? "a line break" : $"'{token.Text}'";

    /// <summary>True: a regex; false: a division; null: awks disagree.</summary>
    private bool? SlashStartsRegex()
    {
        if (tokens.Count == 0)
            return true;
        var previous = tokens[^1];
        if (previousIsHeaderClose || (previous.Kind == AwkTokenKind.Newline && lineBreakAfterOperand) || (previous.Kind == AwkTokenKind.Name && (Builtins.Contains(previous.Text) || DialectKeywords.Contains(previous.Text) || previous.Text == "getline")))
            return null;
        if (previous.Text is "++" or "--" && !previousEndsOperand)
            return null;
        return !previousEndsOperand;
    }

    private void ReadName()
    {
        var start = at;
        while (char.IsAsciiLetterOrDigit(Peek) || Peek == '_')
            at++;
        var name = text[start..at];
        Add(AwkTokenKind.Name, name, endsOperand: !Keywords.Contains(name), callFollows: Peek == '(');
    }

    private void ReadNumber()
    {
        at = NumberLiteral.End(text, at);
        Add(AwkTokenKind.Number, "0", endsOperand: true);
    }

    /// <summary>
    /// After the opening delimiter: a backslash escapes the next character; a newline, raw or after a backslash (which
    /// awks treat differently inside literals), ends the literal unclosed.
    /// In a regex a '/' inside [ ] is refused: gawk reads it as part of the bracket expression, BWK awk as the end.
    /// </summary>
    private bool ReadDelimited(char delimiter, bool brackets)
    {
        at++;
        var inBracket = false;
        while (!End)
        {
            var c = text[at];
            if (c == '\n')
                return false;
            if (c == '\\')
            {
                if (PeekAt(1) == '\n')
                    return false;
                at += 2;
                continue;
            }
            if (brackets && inBracket && c == '[' && PeekAt(1) is ':' or '.' or '=')
            {
                var close = text.IndexOf(PeekAt(1) + "]", at + 2, StringComparison.Ordinal);
                if (close < 0 || text.IndexOf('\n', at, close - at) >= 0)
                    return false;
                at = close + 2;
                continue;
            }
            at++;
            if (brackets && !inBracket && c == '[')
            {
                inBracket = true;
                if (Peek == '^')
                    at++;
                if (Peek == ']')
                    at++;
            }
            else if (brackets && inBracket && c == ']')
                inBracket = false;
            else if (c == delimiter)
                return !inBracket;
        }
        return false;
    }

    /// <summary>At '(': after if/while/for/switch, or after the name in <c>function name(</c>.</summary>
    private bool OpensHeader() =>
        tokens.Count > 0 && tokens[^1].Kind == AwkTokenKind.Name
        && (Headers.Contains(tokens[^1].Text) || (tokens.Count > 1 && tokens[^2].Text is "function" or "func"));

    private bool ReadOperator()
    {
        var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, at, o, 0, o.Length) == 0);
        if (op is null)
            return false;
        at += op.Length;
        switch (op)
        {
            case "(":
                parens.Push(OpensHeader());
                Add(AwkTokenKind.Operator, op, endsOperand: false);
                return true;
            case ")":
                var header = parens.Count > 0 && parens.Pop();
                Add(AwkTokenKind.Operator, op, endsOperand: true, headerClose: header);
                return true;
            case "++" or "--":
                Add(AwkTokenKind.Operator, op, endsOperand: previousEndsOperand); // postfix after an operand
                return true;
            default:
                Add(AwkTokenKind.Operator, op, endsOperand: op == "]");
                return true;
        }
    }
}
