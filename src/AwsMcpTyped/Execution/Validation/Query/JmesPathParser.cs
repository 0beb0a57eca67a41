using static AwsMcpTyped.Execution.Validation.Query.JmesPathTokenType;

namespace AwsMcpTyped.Execution.Validation.Query;

/// <summary>
/// jmespath's <c>Parser</c> (<c>jmespath/parser.py</c>, Pratt's top down operator precedence), ported method for
/// method so that it accepts and refuses what Python does, at the same token. It builds no tree: a method returns
/// only what the parser later asks of a node (whether it is a field, which may be called as a function, or an index
/// expression, which a following slice joins without projecting).
/// </summary>
/// <remarks>
/// Python's recursion limit is part of what it accepts: every method here that is a Python method counts its frame
/// (<see cref="Enter"/>), and each call Python makes to a small helper or an <c>ast</c> constructor is a
/// <see cref="Call"/>, so that nesting fails where Python's RecursionError would.
/// </remarks>
internal sealed partial class JmesPathParser(List<JmesPathToken> tokens, int frameBudget)
{
    /// <summary>What a parsed expression is, as far as the parser looks at nodes.</summary>
    private enum Node : byte { Other, Field, IndexExpression }

    /// <summary>Tokens of binding power under this stop a projection (<c>_PROJECTION_STOP</c>).</summary>
    private const int ProjectionStop = 10;

    private int _index;
    private int _frames;

    /// <summary><c>Parser._parse</c>: one expression, then the end.</summary>
    public void Parse()
    {
        _frames = 4; // compile, parse, _do_parse, _parse
        Expression(0);
        if (CurrentToken() != Eof)
            throw Raise(LookaheadToken(0), "unexpected {0} at {1}: expected an operator or the end of the expression");
    }

    private Node Expression(int bindingPower)
    {
        Enter();
        var leftToken = LookaheadToken(0);
        Advance();
        var left = Nud(leftToken);
        var current = CurrentToken();
        while (bindingPower < Bp(current))
        {
            if (current is Star or Not or LBrace) // the tokens with a binding power but no led
            {
                var errorToken = LookaheadToken(0);
                Enter(); // _error_led_token
                throw RaiseForToken(errorToken, "unexpected {0} at {1}: expected an operator or the end of the expression");
            }
            Advance();
            left = Led(current, left);
            current = CurrentToken();
        }
        Leave();
        return left;
    }

    private Node Nud(JmesPathToken token)
    {
        Enter(); // the _token_nud_* method
        Node node;
        switch (token.Type)
        {
            case Literal or UnquotedIdentifier or Current:
                Call(); // ast.literal, ast.field, ast.current_node
                node = token.Type == UnquotedIdentifier ? Node.Field : Node.Other;
                break;
            case QuotedIdentifier:
                Call(); // ast.field
                if (CurrentToken() == LParen)
                {
                    var t = LookaheadToken(0);
                    // jmespath reports this at column 0, wherever the name is.
                    throw Raise(JmesPathErrorKind.Parse, new JmesPathToken(t.Type, 0, 0), t,
                        "a quoted identifier cannot be a function name (jmespath reports it at {1}); remove the quotes before {0}");
                }
                node = Node.Field;
                break;
            case Star:
                Call(); // ast.identity
                if (CurrentToken() != RBracket)
                    ParseProjectionRhs(Bp(Star));
                Call(); // ast.value_projection
                node = Node.Other;
                break;
            case Filter:
                Call(); // ast.identity
                node = LedFilter();
                break;
            case LBrace:
                node = ParseMultiSelectHash();
                break;
            case LParen:
                node = Expression(0);
                Match(RParen);
                break;
            case Flatten:
                Call(); // ast.identity, ast.flatten
                ParseProjectionRhs(Bp(Flatten));
                Call(); // ast.projection
                node = Node.Other;
                break;
            case Not:
                Expression(Bp(Not));
                Call(); // ast.not_expression
                node = Node.Other;
                break;
            case LBracket:
                node = NudLBracket();
                break;
            case Expref:
                Expression(Bp(Expref));
                Call(); // ast.expref
                node = Node.Other;
                break;
            default: // _error_nud_token
                if (token.Type == Eof)
                    throw Raise(JmesPathErrorKind.Incomplete, token, token, "incomplete expression at {1}: an expression is missing at the end");
                throw RaiseForToken(token, "unexpected {0} at {1}: expected an expression");
        }
        Leave();
        return node;
    }

    private Node NudLBracket()
    {
        var current = CurrentToken();
        if (current is Number or Colon)
        {
            var isSlice = ParseIndexExpression();
            Call(); // ast.identity
            return ProjectIfSlice(isSlice);
        }
        if (current == Star && Lookahead(1) == RBracket)
        {
            Advance();
            Advance();
            ParseProjectionRhs(Bp(Star));
            Call(); // ast.identity, ast.projection
            return Node.Other;
        }
        return ParseMultiSelectList();
    }

    /// <summary><c>_parse_index_expression</c>, at <c>[number</c> or <c>[:</c>: true for a slice.</summary>
    private bool ParseIndexExpression()
    {
        Enter();
        if (Lookahead(0) == Colon || Lookahead(1) == Colon)
        {
            ParseSliceExpression();
            Leave();
            return true;
        }
        LookaheadToken(0);
        Call(); // ast.index
        Advance();
        Match(RBracket);
        Leave();
        return false;
    }

    /// <summary><c>_parse_slice_expression</c>: up to three numbers split by colons; a number may follow a number
    /// (the last one counts), as jmespath allows.</summary>
    private void ParseSliceExpression()
    {
        Enter();
        var colons = 0;
        var current = CurrentToken();
        while (current != RBracket && colons < 3)
        {
            if (current == Colon)
            {
                colons++;
                if (colons == 3)
                    throw RaiseForToken(LookaheadToken(0), "unexpected {0} at {1}: a slice has at most two colons, [start:stop:step]");
                Advance();
            }
            else if (current == Number)
            {
                LookaheadToken(0);
                Advance();
            }
            else
            {
                throw RaiseForToken(LookaheadToken(0), "unexpected {0} at {1}: a slice takes only numbers, [start:stop:step]");
            }
            current = CurrentToken();
        }
        Match(RBracket);
        Call(); // ast.slice
        Leave();
    }

    private Node Led(JmesPathTokenType type, Node left)
    {
        Enter(); // the _token_led_* method
        Node node;
        switch (type)
        {
            case Dot:
                if (CurrentToken() != Star)
                {
                    ParseDotRhs(Bp(Dot));
                    Call(); // ast.subexpression (unless the left one takes the child)
                }
                else
                {
                    Advance();
                    ParseProjectionRhs(Bp(Dot));
                    Call(); // ast.value_projection
                }
                node = Node.Other;
                break;
            case Pipe or Or or And:
                Expression(Bp(type));
                Call(); // ast.pipe, ast.or_expression, ast.and_expression
                node = Node.Other;
                break;
            case LParen:
                LedLParen(left);
                node = Node.Other;
                break;
            case Filter:
                node = LedFilterBody();
                break;
            case Eq or Ne or Gt or Gte or Lt or Lte:
                Enter(); // _parse_comparator
                Expression(Bp(type));
                Call(); // ast.comparator
                Leave();
                node = Node.Other;
                break;
            case Flatten:
                Call(); // ast.flatten
                ParseProjectionRhs(Bp(Flatten));
                Call(); // ast.projection
                node = Node.Other;
                break;
            default: // LBracket
                node = LedLBracket(left);
                break;
        }
        Leave();
        return node;
    }

    /// <summary><c>_token_nud_filter</c>'s call of <c>_token_led_filter</c>: one frame deeper than a led.</summary>
    private Node LedFilter()
    {
        Enter();
        var node = LedFilterBody();
        Leave();
        return node;
    }

    /// <summary><c>_token_led_filter</c>, its frame already counted: <c>[?condition]</c>, then the projection's
    /// right side unless a flatten follows.</summary>
    private Node LedFilterBody()
    {
        Expression(0);
        Match(RBracket);
        if (CurrentToken() != Flatten)
            ParseProjectionRhs(Bp(Filter));
        Call(); // ast.filter_projection
        return Node.Other;
    }

    private void LedLParen(Node left)
    {
        if (left != Node.Field)
        {
            // The token before '(' (the index is past it); Python's index -2 never wraps, as '(' is never first.
            var name = LookaheadToken(-2);
            throw Raise(JmesPathErrorKind.Parse, name, name, "invalid function name {0} at {1}: only a name can be called");
        }
        while (CurrentToken() != RParen)
        {
            Expression(0);
            if (CurrentToken() == Comma)
                Match(Comma);
        }
        Match(RParen);
        Call(); // ast.function_expression
    }

    private Node LedLBracket(Node left)
    {
        var token = LookaheadToken(0);
        if (token.Type is Number or Colon)
        {
            var isSlice = ParseIndexExpression();
            // A slice after an index expression joins it, unprojected, as jmespath's optimisation does.
            return left == Node.IndexExpression ? Node.IndexExpression : ProjectIfSlice(isSlice);
        }
        Match(Star);
        Match(RBracket);
        ParseProjectionRhs(Bp(Star));
        Call(); // ast.projection
        return Node.Other;
    }

    private Node ProjectIfSlice(bool isSlice)
    {
        Enter();
        Call(); // ast.index_expression
        if (isSlice)
        {
            ParseProjectionRhs(Bp(Star));
            Call(); // ast.projection
        }
        Leave();
        return isSlice ? Node.Other : Node.IndexExpression;
    }

    private Node ParseMultiSelectList()
    {
        Enter();
        while (true)
        {
            Expression(0);
            if (CurrentToken() == RBracket)
                break;
            Match(Comma);
        }
        Match(RBracket);
        Call(); // ast.multi_select_list
        Leave();
        return Node.Other;
    }

    /// <summary><c>_parse_multi_select_hash</c>: <c>key: value</c> pairs; a pair may follow a value without a comma,
    /// as jmespath allows.</summary>
    private Node ParseMultiSelectHash()
    {
        Enter();
        while (true)
        {
            LookaheadToken(0);
            MatchMultipleTokens();
            Match(Colon);
            Expression(0);
            Call(); // ast.key_val_pair
            if (CurrentToken() == Comma)
            {
                Match(Comma);
            }
            else if (CurrentToken() == RBrace)
            {
                Match(RBrace);
                break;
            }
        }
        Call(); // ast.multi_select_dict
        Leave();
        return Node.Other;
    }

    private void ParseProjectionRhs(int bindingPower)
    {
        Enter();
        var current = CurrentToken();
        if (Bp(current) < ProjectionStop)
        {
            Call(); // ast.identity
        }
        else if (current is LBracket or Filter)
        {
            Expression(bindingPower);
        }
        else if (current == Dot)
        {
            Match(Dot);
            ParseDotRhs(bindingPower);
        }
        else
        {
            throw RaiseForToken(LookaheadToken(0), "unexpected {0} at {1}: after a projection expected '.', '[', '[?', an operator or the end");
        }
        Leave();
    }

    /// <summary><c>_parse_dot_rhs</c>: after '.', an identifier, '*', a multi-select list or hash.</summary>
    private void ParseDotRhs(int bindingPower)
    {
        Enter();
        var lookahead = CurrentToken();
        if (lookahead is QuotedIdentifier or UnquotedIdentifier or Star)
        {
            Expression(bindingPower);
        }
        else if (lookahead == LBracket)
        {
            Match(LBracket);
            ParseMultiSelectList();
        }
        else if (lookahead == LBrace)
        {
            Match(LBrace);
            ParseMultiSelectHash();
        }
        else
        {
            throw RaiseForToken(LookaheadToken(0), "unexpected {0} at {1}: expected an identifier, '*', '[' or '{{' after '.'");
        }
        Leave();
    }
}
