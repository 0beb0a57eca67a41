using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Execution.Validation.Query;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>
/// The JMESPath syntax check against Python's own <c>jmespath.compile</c> (what the CLI runs on <c>--query</c>):
/// thousands of random expressions, valid and broken (<see cref="JmesPathExpressionGenerator"/>), and a fixed list
/// of tricky ones. Both must agree on every expression: accepted, or refused with the same error (LexerError,
/// ParseError, IncompleteExpressionError, EmptyExpressionError, or a Python limit) at the same position.
/// </summary>
public sealed class JmesPathSyntaxDifferentialTests
{
    /// <summary>Quirks of jmespath's parser, the JSON its lexer reads, positions counted in code points, and nesting
    /// around Python's recursion limit (in the oracle's context) for each construct that recurses.</summary>
    private static readonly string[] Tricky =
    [
        // Unknown functions and wrong arities are evaluation errors, not compile errors.
        "no_such_function(a, b, c)", "length()", "abs(a, b)", "a.b.no_such(@)",
        // Accepted quirks: arguments, hash pairs and slice numbers need no separator; a trailing comma in a call.
        "f(a b)", "f(a,)", "{a: b c: d}", "[:1 2]", "a[1:2 3:4]", "(a)(b)", "[a, *]", "*]", "a[*]", "[?a]", "a[?b][]",
        // Refused, with jmespath's positions (a quoted function name is reported at 0, a bad call at the name).
        "\"f\"(a)", "a.\"b\"(c)", "@()", "a[0]()", "(a.b)(c)", "a[0][1:2](b)", "a[1:2](b)", "a[1:2:3:]", "[1:2:3:4]",
        "{a:b,}", "{}", "[a,]", "f(a,,b)", "a.", "a.[]", "a.{}", "a[", "a[1", "a[1:", "a[?", "a[?b", "a ==", "!", "a !b",
        "a{", "a *", "a[b]", "a[0 1]", "a[-]", "a[- 1]", "-1", "a = b", "a=", "=", "$", "a $", "#", "a\\", "a.-b", "a..b",
        "", " ", "\t\n", "a ", " a", "a b", "a)", "(a", "((a)", "[[a]", "{a:{b:c}", "a || ", "&& a", "a | ", "| a",
        // Quoted identifiers: json.loads of the quoted text.
        "\"\"", "\"a\\\"b\"", "\"\\\\\"", "\"\\u00e9\"", "\"\\ud800\"", "\"\\uD83D\\uDE00\"", "\"\\q\"", "\"\\u12\"", "\"\\uZZZZ\"",
        "\"a\tb\"", "\"\u0001\"", "\"\u007f\"", "\"\\\"", "\"abc", "\"a\\", "\"é😀\"", "\"😀\" | #",
        // Literals: JSON, else (deprecated) the text as a string when that reads as one.
        "`1`", "`-0.5e10`", "`NaN`", "`-Infinity`", "`{\"a\": [1, {}]}`", "`foo`", "` spaced`", "`\u00a0nbsp`", "`\u001cfs`",
        "`\u0001x`", "`\ufeff1`", "`a\"b`", "`\"a`", "`[1,]`", "`{\"a\":}`", "`01`", "`1.`", "`1e`", "`-`", "``", "` `", "`\\``",
        "`a\\`b`", "`\\\\`", "`\\`", "`abc", "`\u00a0\"a\"`", "`\"\\q\"`", "`\"\t\"`", "`tru`", "`true`",
        "`" + new string('1', 4300) + "`", "`" + new string('1', 4301) + "`", "`-" + new string('1', 4301) + "`",
        // Raw strings: anything, \' is a quote.
        "''", "'it\\'s'", "'\\\\'", "'\"'", "'`'", "'abc", "'a\\'", "'é😀' == a",
        // Numbers: Python's int() refuses more than 4300 digits (a ValueError).
        "[" + new string('9', 4300) + "]", "[" + new string('9', 4301) + "]", "[-" + new string('9', 4300) + "]", "a[007]", "a[-0]",
        // Positions in code points: an astral character before the error counts once.
        "'😀😀' #", "\"😀\" !", "'😀' && [", "😀", "é", "'😀'.😀",
        // Operators and their binding powers.
        "a || b && !c", "!a == b", "a | b || c", "&a.b", "a[?b == `1` && c != 'x' || !d]", "a[].b[*].c", "a.*.b[0]", "a < b <= c",
    ];

    [Fact]
    public async Task Checks_as_Python_jmespath_does()
    {
        var generator = new JmesPathExpressionGenerator(new Random(13));
        var cases = Enumerable.Range(0, 6000).Select(_ => generator.Next()).ToList();
        await AssertAgreesWithPython(cases, minimumRefused: 3000, minimumAccepted: 1000);
    }

    [Fact]
    public async Task Checks_tricky_expressions_as_Python_jmespath_does()
    {
        var cases = Tricky.ToList();
        // Around Python's recursion limit: each way of nesting, valid and broken at the innermost point.
        (string Open, string Close, int From, int To)[] nestings =
        [
            ("(", ")", 490, 498), ("[", "]", 325, 333), ("!", "", 490, 498), ("{a:", "}", 325, 333), ("f(", ")", 490, 498),
            ("a==(", ")", 193, 201), ("a.[", "]", 243, 251), ("a||(", ")", 243, 251), ("a[?", "]", 243, 251),
        ];
        foreach (var (open, close, from, to) in nestings)
        {
            for (var n = from; n <= to; n++)
            {
                foreach (var inner in new[] { "a", "]", "", "a.", "a[1:", "a *", "a[*]*", "{a:b,}", "@(" })
                    cases.Add(string.Concat(Enumerable.Repeat(open, n)) + inner + string.Concat(Enumerable.Repeat(close, n)));
            }
        }
        foreach (var chain in new[] { "[*].a", "[?b]", "[0:1]", "[*]", ".*" })
        {
            for (var n = 240; n <= 335; n++)
                cases.Add("a" + string.Concat(Enumerable.Repeat(chain, n)));
        }
        for (var n = 980; n <= 990; n++)
        {
            cases.Add("`" + new string('[', n) + new string(']', n) + "`");
            cases.Add("`" + string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n) + "`");
        }
        await AssertAgreesWithPython(cases, minimumRefused: 100, minimumAccepted: 50);
    }

    [Fact]
    public void Reports_where_and_why()
    {
        Assert.Null(JmesPathSyntax.Check("Reservations[].Instances[?State.Name=='running'].{Id: InstanceId}"));
        Assert.Equal(new JmesPathSyntaxError(7, "]", "unexpected ']' at 7: expected an expression", JmesPathErrorKind.Parse),
            JmesPathSyntax.Check("[a, b, ]"));
        Assert.Equal(new JmesPathSyntaxError(4, "#", "unknown token '#' at 4", JmesPathErrorKind.Lexer), JmesPathSyntax.Check("a | #"));
        Assert.Equal("unclosed quote starting at 5: no closing '\"'", JmesPathSyntax.Check("a || \"b")!.Message);
        Assert.Equal("incomplete expression at 14: expected ']'", JmesPathSyntax.Check("Reservations[0")!.Message);
        Assert.Equal(JmesPathErrorKind.Empty, JmesPathSyntax.Check("")!.Kind);
        // Past the CLI's recursion limit, a RecursionError refuses what is otherwise valid.
        Assert.Null(JmesPathSyntax.Check(new string('(', 480) + "a" + new string(')', 480)));
        Assert.Equal(JmesPathErrorKind.Limit, JmesPathSyntax.Check(new string('(', 500) + "a" + new string(')', 500))!.Kind);
    }

    private static async Task AssertAgreesWithPython(List<string> cases, int minimumRefused, int minimumAccepted)
    {
        var input = Path.Combine(Path.GetTempPath(), $"jmespath-cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(cases));
        try
        {
            var oracle = Path.Combine(AppContext.BaseDirectory, "Execution", "Validation", "jmespath_oracle.py");
            var run = await ProcessRunner.RunAsync("python3", [oracle, input]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            var answer = JsonNode.Parse(run.Stdout)!;
            // The frames Python has left where the oracle compiles, for the port to count against.
            var budget = answer["budget"]!.GetValue<int>();
            var expected = answer["results"]!.AsArray();
            var differences = new List<string>();
            var refused = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var error = JmesPathSyntax.Check(cases[i], budget);
                refused += error is null ? 0 : 1;
                // Python gives no position for an empty expression, a ValueError or a RecursionError.
                var actual = error is null
                    ? new JsonObject { ["ok"] = true }
                    : new JsonObject { ["error"] = error.Kind.ToString(), ["position"] = error.Kind is JmesPathErrorKind.Limit or JmesPathErrorKind.Empty ? null : error.Position };
                if (!JsonNode.DeepEquals(expected[i], actual))
                    differences.Add($"{JsonSerializer.Serialize(Shorten(cases[i]))}\n  python: {expected[i]!.ToJsonString()}\n  port:   {actual.ToJsonString()} {error?.Message}");
            }
            Assert.True(differences.Count == 0, $"{differences.Count} of {cases.Count} differ:\n" + string.Join("\n", differences.Take(10)));
            // The cases must exercise both sides.
            Assert.InRange(refused, minimumRefused, cases.Count - minimumAccepted);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..100] + $"…({text.Length} chars)…" + text[^100..];
}
