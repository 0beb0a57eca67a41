using static AwsMcpTyped.Execution.Validation.Query.JmesPathTokenType;

namespace AwsMcpTyped.Execution.Validation.Query;

/// <summary>The parser's helpers: jmespath's token access and matching, Python's frame count, and its errors.</summary>
internal sealed partial class JmesPathParser
{
    /// <summary><c>_match</c>: the current token must be of <paramref name="type"/>.</summary>
    private void Match(JmesPathTokenType type)
    {
        Enter();
        if (CurrentToken() == type)
        {
            Advance();
            Leave();
            return;
        }
        throw RaiseMaybeEof(LookaheadToken(0), type switch
        {
            RParen => "expected ')'",
            RBracket => "expected ']'",
            RBrace => "expected '}}'",
            Comma => "expected ',' or ']'",
            Colon => "expected ':'",
            Star => "expected '*', a number or a slice in '[...]'",
            _ => $"expected {type}",
        });
    }

    /// <summary><c>_match_multiple_tokens</c>, as a multi-select hash calls it: a key.</summary>
    private void MatchMultipleTokens()
    {
        Enter();
        if (CurrentToken() is not (QuotedIdentifier or UnquotedIdentifier))
            throw RaiseMaybeEof(LookaheadToken(0), "expected a key (an identifier)");
        Advance();
        Leave();
    }

    private static int Bp(JmesPathTokenType type) => JmesPathLexer.BindingPower[(int)type];

    private JmesPathTokenType CurrentToken()
    {
        Call();
        return tokens[_index].Type;
    }

    private JmesPathTokenType Lookahead(int number)
    {
        Call();
        return tokens[_index + number].Type;
    }

    private JmesPathToken LookaheadToken(int number)
    {
        Call();
        return tokens[_index + number];
    }

    private void Advance()
    {
        Call();
        _index++;
    }

    /// <summary>A Python method's frame: past the budget, Python raises RecursionError on the call.</summary>
    private void Enter()
    {
        if (++_frames > frameBudget)
            throw Recursion();
    }

    private void Leave() => _frames--;

    /// <summary>A call of a small Python function from the current frame (it returns at once).</summary>
    private void Call()
    {
        if (_frames + 1 > frameBudget)
            throw Recursion();
    }

    private JmesPathSyntaxException Recursion() =>
        new(JmesPathErrorKind.Limit, tokens[Math.Min(_index, tokens.Count - 1)].Start, 0,
            "expression nested too deep at {1}: Python's recursion limit (RecursionError)");

    /// <summary><c>_raise_parse_error_maybe_eof</c>: incomplete at the end, else unexpected.</summary>
    private JmesPathSyntaxException RaiseMaybeEof(JmesPathToken token, string expected)
    {
        Enter();
        return token.Type == Eof
            ? Raise(JmesPathErrorKind.Incomplete, token, token, $"incomplete expression at {{1}}: {expected}")
            : Raise(JmesPathErrorKind.Parse, token, token, $"unexpected {{0}} at {{1}}: {expected}");
    }

    /// <summary><c>_raise_parse_error_for_token</c>: a ParseError even at the end.</summary>
    private JmesPathSyntaxException RaiseForToken(JmesPathToken token, string template)
    {
        Enter();
        return Raise(token, template);
    }

    private JmesPathSyntaxException Raise(JmesPathToken token, string template) =>
        Raise(JmesPathErrorKind.Parse, token, token, template);

    /// <summary>Raising: constructing the exception takes frames of its own (the class call and its
    /// <c>__init__</c>), which may be the ones past the budget.</summary>
    private JmesPathSyntaxException Raise(JmesPathErrorKind kind, JmesPathToken at, JmesPathToken shown, string template)
    {
        if (_frames + ExceptionFrames > frameBudget)
            return Recursion();
        return new JmesPathSyntaxException(kind, at.Start, template, shown.Start, shown.Length);
    }

    /// <summary>What constructing a ParseError adds to Python's count: the call of the class, its <c>__init__</c> and
    /// that one's <c>super().__init__</c> (found at the limit against Python 3.11: 2 and 4 both disagree).</summary>
    private const int ExceptionFrames = 3;
}
