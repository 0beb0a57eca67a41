namespace AwsMcpTyped.Execution.Validation.Query;

/// <summary>jmespath's token types, in the order of <see cref="JmesPathLexer.BindingPower"/>.</summary>
internal enum JmesPathTokenType : byte
{
    Eof, UnquotedIdentifier, QuotedIdentifier, Literal, RBracket, RParen, Comma, RBrace, Number, Current, Expref,
    Colon, Pipe, Or, And, Eq, Gt, Lt, Gte, Lte, Ne, Flatten, Star, Filter, Dot, Not, LBrace, LBracket, LParen,
}

/// <summary>A token: its type and where its text is, in UTF-16 units (positions become Python's only on error).</summary>
internal readonly record struct JmesPathToken(JmesPathTokenType Type, int Start, int Length);

/// <summary>
/// jmespath's <c>Lexer.tokenize</c> (<c>jmespath/lexer.py</c>, the same in 1.0.1 and 1.1.0). The parser takes the
/// whole token list first, so a lexer error wins over any parse error, wherever it is.
/// </summary>
internal static class JmesPathLexer
{
    /// <summary>jmespath's <c>Parser.BINDING_POWER</c>, by <see cref="JmesPathTokenType"/>.</summary>
    public static ReadOnlySpan<byte> BindingPower =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // eof … expref
        0, // colon
        1, 2, 3, // pipe, or, and
        5, 5, 5, 5, 5, 5, // eq, gt, lt, gte, lte, ne
        9, 20, 21, 40, 45, 50, 55, 60, // flatten, star, filter, dot, not, lbrace, lbracket, lparen
    ];

    /// <summary>Python's <c>sys.get_int_max_str_digits()</c>: <c>int()</c> of a longer number is a ValueError.</summary>
    public const int MaxIntDigits = 4300;

    /// <summary>The tokens of <paramref name="expression"/> (not empty), ending with Eof.</summary>
    /// <param name="frameBudget">For JSON nested too deep in a literal (see <see cref="JmesPathSyntax.Check(string, int)"/>).</param>
    public static List<JmesPathToken> Tokenize(string expression, int frameBudget)
    {
        var tokens = new List<JmesPathToken>(expression.Length / 2 + 2);
        var s = expression;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case '.': tokens.Add(new(JmesPathTokenType.Dot, i++, 1)); break;
                case '*': tokens.Add(new(JmesPathTokenType.Star, i++, 1)); break;
                case ']': tokens.Add(new(JmesPathTokenType.RBracket, i++, 1)); break;
                case ',': tokens.Add(new(JmesPathTokenType.Comma, i++, 1)); break;
                case ':': tokens.Add(new(JmesPathTokenType.Colon, i++, 1)); break;
                case '@': tokens.Add(new(JmesPathTokenType.Current, i++, 1)); break;
                case '(': tokens.Add(new(JmesPathTokenType.LParen, i++, 1)); break;
                case ')': tokens.Add(new(JmesPathTokenType.RParen, i++, 1)); break;
                case '{': tokens.Add(new(JmesPathTokenType.LBrace, i++, 1)); break;
                case '}': tokens.Add(new(JmesPathTokenType.RBrace, i++, 1)); break;
                case ' ' or '\t' or '\n' or '\r': i++; break;
                case '[':
                    if (i + 1 < s.Length && s[i + 1] == ']')
                        tokens.Add(new(JmesPathTokenType.Flatten, i, 2));
                    else if (i + 1 < s.Length && s[i + 1] == '?')
                        tokens.Add(new(JmesPathTokenType.Filter, i, 2));
                    else
                        tokens.Add(new(JmesPathTokenType.LBracket, i, 1));
                    i += tokens[^1].Length;
                    break;
                case '\'':
                    // A raw string: anything goes, \' is a quote, and it cannot be wrong once closed.
                    tokens.Add(new(JmesPathTokenType.Literal, i, ConsumeUntil(s, i, '\'') - i));
                    i += tokens[^1].Length;
                    break;
                case '`':
                    var literalEnd = ConsumeUntil(s, i, '`');
                    if (!PythonJson.IsLiteral(s.AsSpan(i + 1, literalEnd - i - 2), i, frameBudget))
                        throw new JmesPathSyntaxException(JmesPathErrorKind.Lexer, i, literalEnd - i, "bad JSON literal {0} at {1}");
                    tokens.Add(new(JmesPathTokenType.Literal, i, literalEnd - i));
                    i = literalEnd;
                    break;
                case '"':
                    var quotedEnd = ConsumeUntil(s, i, '"');
                    // json.loads of the quotes and what is between them: a JSON string or an error.
                    if (!PythonJson.IsStringBody(s.AsSpan(i + 1, quotedEnd - i - 2)))
                        throw new JmesPathSyntaxException(JmesPathErrorKind.Lexer, i, quotedEnd - i,
                            "invalid quoted identifier {0} at {1}: not a JSON string (bad escape or control character)");
                    tokens.Add(new(JmesPathTokenType.QuotedIdentifier, i, quotedEnd - i));
                    i = quotedEnd;
                    break;
                case '|': i = MatchOrElse(tokens, s, i, '|', JmesPathTokenType.Or, JmesPathTokenType.Pipe); break;
                case '&': i = MatchOrElse(tokens, s, i, '&', JmesPathTokenType.And, JmesPathTokenType.Expref); break;
                case '<': i = MatchOrElse(tokens, s, i, '=', JmesPathTokenType.Lte, JmesPathTokenType.Lt); break;
                case '>': i = MatchOrElse(tokens, s, i, '=', JmesPathTokenType.Gte, JmesPathTokenType.Gt); break;
                case '!': i = MatchOrElse(tokens, s, i, '=', JmesPathTokenType.Ne, JmesPathTokenType.Not); break;
                case '=':
                    if (i + 1 < s.Length && s[i + 1] == '=')
                    {
                        tokens.Add(new(JmesPathTokenType.Eq, i, 2));
                        i += 2;
                        break;
                    }
                    throw new JmesPathSyntaxException(JmesPathErrorKind.Lexer, i, 1, "unknown token {0} at {1} (did you mean '=='?)");
                case '-' or (>= '0' and <= '9'):
                    var end = i + 1;
                    while (end < s.Length && char.IsAsciiDigit(s[end]))
                        end++;
                    if (c == '-' && end == i + 1)
                        throw new JmesPathSyntaxException(JmesPathErrorKind.Lexer, i, 1, "unknown token {0} at {1} (a '-' must start a number)");
                    // The lexer's int() of the digits: past Python's limit it raises ValueError, no JMESPath error.
                    if (end - i - (c == '-' ? 1 : 0) > MaxIntDigits)
                        throw new JmesPathSyntaxException(JmesPathErrorKind.Limit, i, end - i,
                            "number at {1} too long: Python's int() takes at most 4300 digits");
                    tokens.Add(new(JmesPathTokenType.Number, i, end - i));
                    i = end;
                    break;
                default:
                    if (char.IsAsciiLetter(c) || c == '_')
                    {
                        var start = i++;
                        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
                            i++;
                        tokens.Add(new(JmesPathTokenType.UnquotedIdentifier, start, i - start));
                        break;
                    }
                    // Python reads code points: an astral character is one unknown token.
                    var width = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                    throw new JmesPathSyntaxException(JmesPathErrorKind.Lexer, i, width, "unknown token {0} at {1}");
            }
        }
        tokens.Add(new(JmesPathTokenType.Eof, s.Length, 0));
        return tokens;
    }

    /// <summary>jmespath's <c>_consume_until</c>: the index just past the closing <paramref name="delimiter"/> of the
    /// quote opened at <paramref name="start"/>, where a backslash takes the character after it along.</summary>
    private static int ConsumeUntil(string s, int start, char delimiter)
    {
        var i = start + 1;
        while (i < s.Length && s[i] != delimiter)
            i += s[i] == '\\' ? 2 : 1;
        if (i >= s.Length)
            throw new JmesPathSyntaxException(JmesPathErrorKind.Lexer, start, s.Length - start,
                delimiter switch
                {
                    '`' => "unclosed literal starting at {1}: no closing '`'",
                    '\'' => "unclosed raw string starting at {1}: no closing \"'\"",
                    _ => "unclosed quote starting at {1}: no closing '\"'",
                });
        return i + 1;
    }

    /// <summary>jmespath's <c>_match_or_else</c>: a two-character token when the next character is
    /// <paramref name="expected"/>, else the one-character token.</summary>
    private static int MatchOrElse(List<JmesPathToken> tokens, string s, int i, char expected, JmesPathTokenType match, JmesPathTokenType other)
    {
        var two = i + 1 < s.Length && s[i + 1] == expected;
        tokens.Add(new(two ? match : other, i, two ? 2 : 1));
        return i + (two ? 2 : 1);
    }
}
