using System.Globalization;

namespace AwsMcpTyped.Execution.Validation.Query;

/// <summary>
/// Whether Python's <c>jmespath.compile</c> accepts an expression: the check the AWS CLI makes of <c>--query</c>
/// (its <c>top-level-args-parsed</c> handler, <c>awscli/customizations/globalargs.py</c> <c>_resolve_query</c>,
/// compiles the value as given, unstripped, and refuses the command on any exception). This is a port of
/// jmespath 1.0.1 and 1.1.0's lexer and Pratt parser (the two parse alike; only their caches differ), quirks
/// included (<c>f(a b)</c>, <c>{a: b c: d}</c> and <c>[:1 2]</c> are accepted), with the JSON in backquoted literals
/// and quoted identifiers read as Python's <c>json.loads</c> reads it. Nothing is evaluated: unknown functions and
/// wrong arities pass, as they pass compile.
/// </summary>
internal static class JmesPathSyntax
{
    /// <summary>
    /// The Python frames left for <c>jmespath.compile</c> (its own frame the first) when CLI v2 compiles
    /// <c>--query</c>: Python's recursion limit, 1000, less what the CLI stands on (measured from its <c>aws</c>
    /// script, the same for every command since compile runs before the command does; an alias stands deeper).
    /// Nesting past it ends in RecursionError, which the CLI refuses like a syntax error: v2 takes 489 nested
    /// parentheses and refuses 490, as the port does with this budget.
    /// </summary>
    public const int CliV2FrameBudget = 985;

    /// <summary>As <see cref="CliV2FrameBudget"/> for CLI v1, whose stack is two frames shallower (490 parentheses
    /// pass, 491 fail).</summary>
    public const int CliV1FrameBudget = 987;

    /// <summary>Null when the CLI would accept <paramref name="expression"/> as <c>--query</c>, else where and why
    /// jmespath refuses it. Nesting is held to v2's limit, the lower (v1 takes one or two levels more).</summary>
    public static JmesPathSyntaxError? Check(string expression) => Check(expression, CliV2FrameBudget);

    /// <summary>As <see cref="Check(string)"/>, with Python's recursion limit reached after
    /// <paramref name="frameBudget"/> frames counted from <c>jmespath.compile</c>'s own (which is frame 1).</summary>
    public static JmesPathSyntaxError? Check(string expression, int frameBudget)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length == 0)
            return new JmesPathSyntaxError(0, "", "empty expression: a query cannot be empty", JmesPathErrorKind.Empty);
        try
        {
            var tokens = JmesPathLexer.Tokenize(expression, frameBudget);
            new JmesPathParser(tokens, frameBudget).Parse();
            return null;
        }
        catch (JmesPathSyntaxException e)
        {
            return e.ToError(expression);
        }
    }

    /// <summary>Python's index of the character at UTF-16 index <paramref name="index"/>: Python counts code points,
    /// so each surrogate pair before it counts once.</summary>
    internal static int CodePointIndex(string expression, int index)
    {
        var pairs = 0;
        for (var i = 1; i < index; i++)
        {
            if (char.IsLowSurrogate(expression[i]) && char.IsHighSurrogate(expression[i - 1]))
                pairs++;
        }
        return index - pairs;
    }
}

/// <summary>Which of Python's exceptions jmespath raises; the CLI refuses the command on every one.</summary>
internal enum JmesPathErrorKind
{
    /// <summary><c>EmptyExpressionError</c>: the expression is "".</summary>
    Empty,
    /// <summary><c>LexerError</c>: an unknown character, an unclosed quote, or JSON that does not read.</summary>
    Lexer,
    /// <summary><c>ParseError</c>: a token where the grammar allows none of its kind.</summary>
    Parse,
    /// <summary><c>IncompleteExpressionError</c>: the expression ends where more is needed.</summary>
    Incomplete,
    /// <summary>Not a syntax error but a Python limit: <c>ValueError</c> for a number of more than 4300 digits,
    /// <c>RecursionError</c> for nesting too deep.</summary>
    Limit,
}

/// <summary>Why jmespath refuses an expression.</summary>
/// <param name="Position">Where, as jmespath's <c>lex_position</c>: a code point index (the expression's length
/// when it is incomplete).</param>
/// <param name="Token">The text of the token or character at <paramref name="Position"/> ("" at the end).</param>
/// <param name="Message">For a user, e.g. "unexpected token ']' at 7: expected an identifier".</param>
/// <param name="Kind">Which of jmespath's errors it is.</param>
internal sealed record JmesPathSyntaxError(int Position, string Token, string Message, JmesPathErrorKind Kind);

/// <summary>Carries an error out of the lexer or parser (refusals are rare; accepting throws nothing).</summary>
/// <param name="index">The UTF-16 index jmespath reports (the expression's length at its end).</param>
/// <param name="template">The message, with {0} for the token (quoted, or "end of expression") and {1} for the
/// position.</param>
/// <param name="tokenIndex">Where the token's text is, when not at <paramref name="index"/>.</param>
/// <param name="tokenLength">The token's length in UTF-16 units.</param>
internal sealed class JmesPathSyntaxException(JmesPathErrorKind kind, int index, string template, int tokenIndex, int tokenLength)
    : Exception(template)
{
    public JmesPathSyntaxException(JmesPathErrorKind kind, int index, int tokenLength, string template)
        : this(kind, index, template, index, tokenLength)
    {
    }

    /// <summary>The error with the UTF-16 index turned into Python's position and the message filled in.</summary>
    public JmesPathSyntaxError ToError(string expression)
    {
        var position = JmesPathSyntax.CodePointIndex(expression, index);
        var token = tokenIndex >= expression.Length ? "" : expression.Substring(tokenIndex, Math.Min(tokenLength, expression.Length - tokenIndex));
        var shown = token.Length == 0 ? "end of expression" : $"'{token}'";
        return new JmesPathSyntaxError(position, token, string.Format(CultureInfo.InvariantCulture, Message, shown, position), kind);
    }
}
