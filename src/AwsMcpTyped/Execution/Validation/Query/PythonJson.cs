namespace AwsMcpTyped.Execution.Validation.Query;

/// <summary>
/// Whether Python 3.11's <c>json.loads</c> (its C scanner, strict) reads a text, as jmespath's lexer asks of a
/// backquoted literal and of a quoted identifier. Python differs from System.Text.Json: it takes NaN, Infinity and
/// -Infinity and lone surrogate escapes, refuses an integer of more than 4300 digits (a ValueError from
/// <c>int()</c>), and a string may hold any character but the controls U+0000 to U+001F.
/// </summary>
internal static class PythonJson
{
    /// <summary>
    /// jmespath's <c>_consume_literal</c> on the text between the backquotes: <c>json.loads</c> of it with each
    /// <c>\`</c> made a backquote, else (the JEP-12 deprecated form) <c>json.loads('"%s"' % lexeme.lstrip())</c>, so
    /// <c>`foo`</c> is the string "foo". False when both fail (LexerError "Bad token").
    /// </summary>
    /// <param name="at">Where the literal starts, for the error.</param>
    /// <exception cref="JmesPathSyntaxException">JSON nested past <paramref name="frameBudget"/>: Python's
    /// RecursionError, which is no ValueError and so skips the fallback.</exception>
    public static bool IsLiteral(ReadOnlySpan<char> raw, int at, int frameBudget)
    {
        var lexeme = raw.IndexOf("\\`") < 0 ? raw : raw.ToString().Replace("\\`", "`", StringComparison.Ordinal).AsSpan();
        if (IsDocument(lexeme, at, frameBudget))
            return true;
        var stripped = lexeme;
        while (stripped.Length > 0 && IsPythonSpace(stripped[0]))
            stripped = stripped[1..];
        return IsStringBody(stripped);
    }

    /// <summary>Whether <c>json.loads('"' + body + '"')</c> reads a string: no unescaped quote (it would end the
    /// string early, leaving "Extra data"), no control character, and only JSON's escapes.</summary>
    public static bool IsStringBody(ReadOnlySpan<char> body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"' || c <= '\u001f')
                return false;
            if (c != '\\')
                continue;
            if (++i == body.Length)
                return false; // escapes the closing quote: unterminated
            switch (body[i])
            {
                case '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't':
                    break;
                case 'u' when IsHex4(body, i + 1):
                    i += 4;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static bool IsHex4(ReadOnlySpan<char> s, int at) =>
        at + 4 <= s.Length && char.IsAsciiHexDigit(s[at]) && char.IsAsciiHexDigit(s[at + 1])
        && char.IsAsciiHexDigit(s[at + 2]) && char.IsAsciiHexDigit(s[at + 3]);

    /// <summary>Python's <c>str.isspace()</c>, which <c>lstrip()</c> strips: more than JSON's four.</summary>
    private static bool IsPythonSpace(char c) => c switch
    {
        >= '\t' and <= '\r' or >= '\u001c' and <= ' ' or '\u0085' or '\u00a0' or '\u1680' or >= '\u2000' and <= '\u200a'
            or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        _ => false,
    };

    private static bool IsJsonSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary><c>json.loads</c>: one value between JSON white space (a leading BOM is refused).</summary>
    private static bool IsDocument(ReadOnlySpan<char> s, int at, int frameBudget)
    {
        if (s.Length > 0 && s[0] == '\ufeff')
            return false;
        var i = SkipSpace(s, 0);
        // Frames from compile's: compile, parse, _do_parse, _parse, tokenize, _consume_literal, loads, decode,
        // raw_decode, and the call of the C scanner; each array or object in it takes one more.
        if (!Value(s, ref i, new Depth(10, frameBudget, at)))
            return false;
        return SkipSpace(s, i) == s.Length;
    }

    private static int SkipSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && IsJsonSpace(s[i]))
            i++;
        return i;
    }

    /// <summary>Python's frame count at a JSON value, its budget, and where the literal starts.</summary>
    private readonly record struct Depth(int Frames, int Budget, int At)
    {
        /// <summary>An array or object in the value: one frame more, or RecursionError.</summary>
        public Depth Deeper() => Frames + 1 <= Budget ? this with { Frames = Frames + 1 }
            : throw new JmesPathSyntaxException(JmesPathErrorKind.Limit, At, 1,
                "JSON literal at {1} nested too deep: Python's recursion limit (RecursionError)");
    }

    /// <summary>The C scanner's <c>scan_once_unicode</c> at <paramref name="i"/>, which ends past the value.</summary>
    private static bool Value(ReadOnlySpan<char> s, ref int i, Depth depth)
    {
        if (i >= s.Length)
            return false;
        switch (s[i])
        {
            case '"':
                return String(s, ref i);
            case '{' or '[':
                return s[i] == '{' ? Object(s, ref i, depth.Deeper()) : Array(s, ref i, depth.Deeper());
            case 'n' when s[i..].StartsWith("null"):
                i += 4;
                return true;
            case 't' when s[i..].StartsWith("true"):
                i += 4;
                return true;
            case 'f' when s[i..].StartsWith("false"):
                i += 5;
                return true;
            case 'N' when s[i..].StartsWith("NaN"):
                i += 3;
                return true;
            case 'I' when s[i..].StartsWith("Infinity"):
                i += 8;
                return true;
            case '-' when s[i..].StartsWith("-Infinity"):
                i += 9;
                return true;
            default:
                return Number(s, ref i);
        }
    }

    private static bool String(ReadOnlySpan<char> s, ref int i)
    {
        // The body runs to the first quote not taken by an escape.
        var start = ++i;
        while (i < s.Length && s[i] != '"')
            i += s[i] == '\\' ? 2 : 1;
        if (i >= s.Length)
            return false;
        return IsStringBody(s[start..i++]);
    }

    private static bool Object(ReadOnlySpan<char> s, ref int i, Depth depth)
    {
        i = SkipSpace(s, i + 1);
        if (i < s.Length && s[i] == '}')
        {
            i++;
            return true;
        }
        while (true)
        {
            if (i >= s.Length || s[i] != '"' || !String(s, ref i))
                return false;
            i = SkipSpace(s, i);
            if (i >= s.Length || s[i] != ':')
                return false;
            i = SkipSpace(s, i + 1);
            if (!Value(s, ref i, depth))
                return false;
            i = SkipSpace(s, i);
            if (i < s.Length && s[i] == '}')
            {
                i++;
                return true;
            }
            if (i >= s.Length || s[i] != ',')
                return false;
            i = SkipSpace(s, i + 1);
        }
    }

    private static bool Array(ReadOnlySpan<char> s, ref int i, Depth depth)
    {
        i = SkipSpace(s, i + 1);
        if (i < s.Length && s[i] == ']')
        {
            i++;
            return true;
        }
        while (true)
        {
            if (!Value(s, ref i, depth))
                return false;
            i = SkipSpace(s, i);
            if (i < s.Length && s[i] == ']')
            {
                i++;
                return true;
            }
            if (i >= s.Length || s[i] != ',')
                return false;
            i = SkipSpace(s, i + 1);
        }
    }

    /// <summary>The C scanner's <c>_match_number_unicode</c>: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, where a
    /// dangling fraction or exponent is left unread (and then is in the way), and an integer of more than 4300
    /// digits fails <c>int()</c>.</summary>
    private static bool Number(ReadOnlySpan<char> s, ref int i)
    {
        if (s[i] == '-' && ++i >= s.Length)
            return false;
        var digitsStart = i;
        if (s[i] == '0')
            i++;
        else if (s[i] is >= '1' and <= '9')
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
        else
            return false;
        var integerDigits = i - digitsStart;
        var isFloat = false;
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            isFloat = true;
            i += 2;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
        }
        // As C does: look at an exponent only when a character follows the 'e'.
        if (i + 1 < s.Length && s[i] is 'e' or 'E')
        {
            var eStart = i++;
            if (i + 1 < s.Length && s[i] is '-' or '+')
                i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            if (char.IsAsciiDigit(s[i - 1]))
                isFloat = true;
            else
                i = eStart;
        }
        return isFloat || integerDigits <= JmesPathLexer.MaxIntDigits;
    }
}
