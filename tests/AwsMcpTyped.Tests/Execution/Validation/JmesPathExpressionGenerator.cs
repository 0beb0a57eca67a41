using System.Text;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>
/// Random JMESPath expressions for <see cref="JmesPathSyntaxDifferentialTests"/>: valid ones from the grammar (every
/// construct, quirks and all: literals, raw strings, quoted identifiers with escapes and non-ASCII text, slices,
/// projections, filters, functions known and unknown, multi-selects), as tokens, then broken by mutations that
/// make what people get wrong: cut short, a token or character dropped, doubled, swapped or stray, brackets and
/// quotes unbalanced, bad JSON in backquotes, bad escapes, odd white space.
/// </summary>
public sealed class JmesPathExpressionGenerator(Random random)
{
    private static readonly string[] Names = ["a", "b", "foo", "Name", "_x", "x1", "State", "Instances", "Tags", "Key", "Value", "Reservations", "z_9"];
    private static readonly string[] Functions = ["length", "contains", "starts_with", "sort_by", "max_by", "to_string", "join", "keys", "no_such_function", "abs", "not_null", "map"];
    private static readonly string[] QuotedBodies =
        ["foo", "with space", "a.b", "", "\\\"q\\\"", "\\\\", "\\n\\t", "\\u00e9", "\\uD83D\\uDE00", "\\ud800", "é", "日本", "😀", "\\/", "a'b", "a`b", "[x]"];
    private static readonly string[] JsonLiterals =
        ["1", "-1", "0", "1.5", "-0.5e10", "1E+2", "true", "false", "null", "\"s\"", "\"a\\\"b\"", "\"\\u00e9\"", "[]", "[1, 2]", "{}",
            "{\"a\": [1, {\"b\": null}]}", " 1 ", "\n{\"k\":\"v\"}\t", "NaN", "Infinity", "-Infinity", "\"😀\"", "\"日本\"",
            // Not JSON: the deprecated fallback reads them as strings, when it can.
            "foo", "foo bar", " spaced", "\u00a0nbsp", "\u001cfs", "\\`", "a\\`b", "01", "1.", "+1", "tru", "[1,]", "{\"a\":}"];
    private static readonly string[] RawBodies = ["", "foo", "a b", "\\'", "it\\'s", "\\\\", "\"", "`", "é😀", "\\n"];
    private static readonly string[] Stray =
        ["$", "#", "=", "-", "\\", "\"", "'", "`", "[", "]", "(", ")", "{", "}", ",", ":", ".", "?", "!", "|", "&", "<", ">", "*", "@",
            "😀", "é", "\u0000", "\u001f", "\u00a0", " ", "\t", "\n", "\r", "\u000b", "0", "-1", "a", "[?", "[]", "||", "&&", "==", "!=", "<=", ">=", "%", "^", "~", "+", ";", "/"];
    private static readonly string[] BadLiterals =
        ["``", "` `", "`{\"a\":}`", "`[1,]`", "`01`", "`1.`", "`\"a`", "`\\u`", "`\u00a0\"a\"`", "`\u001cfoo`", "`\u0001x`", "`\"\t\"`",
            "`\"\\q\"`", "`a\"b`", "`\\`", "`[1, 2`", "`{\"a\" 1}`", "`\ufeff1`", "`-`", "`- 1`", "`1e`", "`1e+`", "`.5`", "`[01]`"];
    private static readonly string[] BadQuoted = ["\"\\q\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"a\tb\"", "\"\\\"", "\"\u0001\"", "\"\\u00e9\\\"", "\"\u007f\""];

    private int _depth;

    /// <summary>One case: a valid expression, mutated a few times (or not at all, one time in four).</summary>
    public string Next()
    {
        var tokens = new List<string>();
        _depth = 0;
        Expression(tokens);
        var mutations = random.Next(4) == 0 ? 0 : random.Next(1, 4);
        for (var m = 0; m < mutations && tokens.Count > 0; m++)
            Mutate(tokens);
        var text = Join(tokens);
        // A few mutations act on the text itself: cut it short, drop or double a character.
        if (mutations > 0 && random.Next(3) == 0 && text.Length > 0)
        {
            var at = random.Next(text.Length);
            text = random.Next(3) switch
            {
                0 => text[..at],
                1 => text.Remove(at, 1),
                _ => text.Insert(at, text[at].ToString()),
            };
        }
        return text;
    }

    private string Join(List<string> tokens)
    {
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            text.Append(token);
            if (random.Next(6) == 0)
                text.Append(random.Next(5) switch { 0 => "\t", 1 => "\n", 2 => "  ", 3 => "\r\n", _ => " " });
        }
        return random.Next(10) == 0 ? " " + text : text.ToString();
    }

    private void Mutate(List<string> tokens)
    {
        var at = random.Next(tokens.Count);
        switch (random.Next(9))
        {
            case 0: tokens.RemoveRange(at, tokens.Count - at); break; // truncated
            case 1: tokens.RemoveAt(at); break;
            case 2: tokens.Insert(at, tokens[at]); break;
            case 3: tokens.Insert(at, Stray[random.Next(Stray.Length)]); break;
            case 4 when at + 1 < tokens.Count: (tokens[at], tokens[at + 1]) = (tokens[at + 1], tokens[at]); break;
            case 5: tokens[at] = BadLiterals[random.Next(BadLiterals.Length)]; break;
            case 6: tokens[at] = BadQuoted[random.Next(BadQuoted.Length)]; break;
            case 7:
                // Unbalance: drop a closing bracket or quote, or open one more.
                var closing = tokens.FindLastIndex(t => t is "]" or ")" or "}");
                if (closing >= 0 && random.Next(2) == 0)
                    tokens.RemoveAt(closing);
                else
                    tokens.Insert(at, random.Next(6) switch { 0 => "[", 1 => "(", 2 => "{", 3 => "\"", 4 => "'", _ => "`" });
                break;
            default:
                // A token of another valid expression in its place.
                var other = new List<string>();
                _depth = 2;
                Expression(other);
                tokens[at] = other[random.Next(other.Count)];
                break;
        }
    }

    private void Expression(List<string> t)
    {
        _depth++;
        var leaf = _depth > 4 || random.Next(3) == 0;
        if (leaf)
        {
            Leaf(t);
            _depth--;
            return;
        }
        switch (random.Next(20))
        {
            case 0 or 1 or 2: // sub-expression
                Expression(t);
                t.Add(".");
                DotRhs(t);
                break;
            case 3: // index or slice
                Expression(t);
                Bracket(t);
                break;
            case 4: // projections
                Expression(t);
                t.Add(random.Next(3) switch { 0 => "[*]", 1 => "[]", _ => ".*" });
                if (random.Next(2) == 0)
                {
                    t.Add(".");
                    DotRhs(t);
                }
                break;
            case 5: // filter
                if (random.Next(3) > 0)
                    Expression(t);
                t.Add("[?");
                Expression(t);
                t.Add("]");
                break;
            case 6 or 7: // comparison
                Expression(t);
                t.Add(new[] { "==", "!=", "<", "<=", ">", ">=" }[random.Next(6)]);
                Expression(t);
                break;
            case 8:
                Expression(t);
                t.Add(new[] { "&&", "||", "|" }[random.Next(3)]);
                Expression(t);
                break;
            case 9:
                t.Add("!");
                Expression(t);
                break;
            case 10:
                t.Add("(");
                Expression(t);
                t.Add(")");
                break;
            case 11 or 12:
                Function(t);
                break;
            case 13:
                MultiSelectList(t);
                break;
            case 14:
                MultiSelectHash(t);
                break;
            case 15:
                t.Add("&");
                Expression(t);
                break;
            case 16:
                t.Add(new[] { "*", "[*]", "[]", "@" }[random.Next(4)]);
                if (random.Next(2) == 0)
                {
                    t.Add(".");
                    DotRhs(t);
                }
                break;
            case 17:
                Bracket(t);
                break;
            default:
                Expression(t);
                Bracket(t);
                Bracket(t);
                break;
        }
        _depth--;
    }

    private void Leaf(List<string> t)
    {
        switch (random.Next(10))
        {
            case 0 or 1 or 2 or 3: t.Add(Names[random.Next(Names.Length)]); break;
            case 4: t.Add("\"" + QuotedBodies[random.Next(QuotedBodies.Length)] + "\""); break;
            case 5:
                t.Add("`" + (random.Next(100) == 0 ? new string('1', 4300 + random.Next(2)) : JsonLiterals[random.Next(JsonLiterals.Length)]) + "`");
                break;
            case 6: t.Add("'" + RawBodies[random.Next(RawBodies.Length)] + "'"); break;
            case 7: t.Add("@"); break;
            case 8: t.Add("*"); break;
            default: t.Add(random.Next(2) == 0 ? "[]" : "[*]"); break;
        }
    }

    private void DotRhs(List<string> t)
    {
        switch (random.Next(6))
        {
            case 0: MultiSelectList(t); break;
            case 1: MultiSelectHash(t); break;
            case 2: Function(t); break;
            case 3: t.Add("*"); break;
            case 4: t.Add("\"" + QuotedBodies[random.Next(QuotedBodies.Length)] + "\""); break;
            default: t.Add(Names[random.Next(Names.Length)]); break;
        }
    }

    private void Bracket(List<string> t)
    {
        t.Add("[");
        // Now and then a number at Python's int() limit of 4300 digits, or just past it.
        string Number() => random.Next(200) == 0 ? (random.Next(2) == 0 ? "-" : "") + new string('7', 4300 + random.Next(2))
            : random.Next(4) switch { 0 => "-1", 1 => "10", 2 => "007", _ => random.Next(3).ToString() };
        if (random.Next(2) == 0)
        {
            t.Add(Number());
        }
        else
        {
            // A slice, each part optional: [a:b], [a:b:c], [::c], [:]
            for (var part = 0; part < 3; part++)
            {
                if (part > 0 && (part < 2 || random.Next(2) == 0))
                    t.Add(":");
                if (random.Next(2) == 0)
                    t.Add(Number());
            }
        }
        t.Add("]");
    }

    private void Function(List<string> t)
    {
        t.Add(Functions[random.Next(Functions.Length)]);
        t.Add("(");
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                t.Add(",");
            if (random.Next(4) == 0)
                t.Add("&");
            Expression(t);
        }
        t.Add(")");
    }

    private void MultiSelectList(List<string> t)
    {
        t.Add("[");
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                t.Add(",");
            Expression(t);
        }
        t.Add("]");
    }

    private void MultiSelectHash(List<string> t)
    {
        t.Add("{");
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                t.Add(",");
            t.Add(random.Next(4) == 0 ? "\"" + QuotedBodies[random.Next(QuotedBodies.Length)] + "\"" : Names[random.Next(Names.Length)]);
            t.Add(":");
            Expression(t);
        }
        t.Add("}");
    }
}
