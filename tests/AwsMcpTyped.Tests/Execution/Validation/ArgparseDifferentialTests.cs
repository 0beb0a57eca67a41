using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Validation.Argparse;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>
/// The argparse port against Python's own argparse (the CLI runs on Python 3.11, as python3 here does): thousands of
/// random parsers whose option names are prefixes of one another, with every nargs the CLI uses, fed random words
/// (exact names, prefixes, <c>--x=v</c>, negative numbers, words with spaces, "-" and "--"). The parse must agree on
/// failure, on every argument's value and on the words left over.
/// </summary>
public sealed class ArgparseDifferentialTests
{
    private static readonly string[] OptionNames = ["--a", "--ab", "--abc", "--ab-d", "--b", "--bc", "--bcd-e", "--c"];
    private static readonly object?[] Nargs = [null, 0, "?", "*", "+", 2];
    private static readonly string[] Values = ["v", "w x", "-1", "-2.5", "-x", "-", "--", "help", "", "--zz", "--zz=1"];

    [Fact]
    public async Task Parses_as_Python_argparse_does()
    {
        var random = new Random(13);
        var cases = Enumerable.Range(0, 3000).Select(_ => Case(random)).ToList();
        var input = Path.Combine(Path.GetTempPath(), $"argparse-cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(cases.Select(c => c.Json).ToList()));
        try
        {
            var oracle = Path.Combine(AppContext.BaseDirectory, "Execution", "Validation", "argparse_oracle.py");
            var run = await ProcessRunner.RunAsync("python3", [oracle, input]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            var expected = JsonNode.Parse(run.Stdout)!.AsArray();
            var differences = new List<string>();
            for (var i = 0; i < cases.Count; i++)
            {
                var actual = Describe(cases[i]);
                if (!JsonNode.DeepEquals(expected[i], actual))
                    differences.Add($"{cases[i].Json.ToJsonString()}\n  python: {expected[i]!.ToJsonString()}\n  port:   {actual.ToJsonString()}");
            }
            Assert.True(differences.Count == 0, $"{differences.Count} of {cases.Count} differ:\n" + string.Join("\n", differences.Take(10)));
        }
        finally
        {
            File.Delete(input);
        }
    }

    private sealed record DifferentialCase(JsonObject Json, List<ArgparseAction<int>> Actions, List<string> Args);

    private static DifferentialCase Case(Random random)
    {
        var names = OptionNames.OrderBy(_ => random.Next()).Take(random.Next(1, OptionNames.Length + 1)).ToList();
        var actions = new List<ArgparseAction<int>>();
        var json = new JsonArray();
        foreach (var name in names)
        {
            var nargs = Nargs[random.Next(Nargs.Length)];
            var required = random.Next(6) == 0;
            actions.Add(new ArgparseAction<int>(actions.Count, name, false, Count(nargs), required));
            json.Add(new JsonObject { ["name"] = name, ["positional"] = false, ["nargs"] = JsonValue(nargs), ["required"] = required });
        }
        for (var p = random.Next(3); p > 0; p--)
        {
            var nargs = Nargs[random.Next(Nargs.Length)] is var n and not 0 ? n : "?"; // positionals are never flags
            var name = "p" + p;
            // argparse makes a positional required unless it may take no value.
            actions.Add(new ArgparseAction<int>(actions.Count, name, true, Count(nargs), nargs is not ("?" or "*")));
            json.Add(new JsonObject { ["name"] = name, ["positional"] = true, ["nargs"] = JsonValue(nargs), ["required"] = false });
        }
        var args = new List<string>();
        for (var w = random.Next(8); w > 0; w--)
        {
            var name = OptionNames[random.Next(OptionNames.Length)];
            args.Add(random.Next(5) switch
            {
                0 => name,
                1 => name[..random.Next(3, name.Length + 1)],
                2 => name[..random.Next(3, name.Length + 1)] + "=" + Values[random.Next(Values.Length)],
                _ => Values[random.Next(Values.Length)],
            });
        }
        return new DifferentialCase(new JsonObject { ["actions"] = json, ["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]) }, actions, args);
    }

    private static ValueCount Count(object? nargs) => nargs switch
    {
        null => new ValueCount(1, 1),
        0 => new ValueCount(0, 0),
        "?" => new ValueCount(0, 1),
        "*" => new ValueCount(0, int.MaxValue),
        "+" => new ValueCount(1, int.MaxValue),
        2 => new ValueCount(2, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(nargs)),
    };

    private static JsonNode? JsonValue(object? nargs) => nargs switch { null => null, int n => n, string s => s, _ => null };

    /// <summary>The port's parse in the oracle's terms: the last value each argument got (argparse's store), as
    /// Python would print it.</summary>
    private static JsonObject Describe(DifferentialCase c)
    {
        var parser = new ArgparseParser<int>(c.Actions);
        var result = parser.ParseKnownArgs(c.Args);
        if (result.Error is not null)
            return new JsonObject { ["error"] = true };
        var values = new JsonObject();
        foreach (var action in c.Actions)
        {
            var last = result.Matches.LastOrDefault(m => m.Action == action);
            values[action.Name] = last is null ? null : action.Values switch
            {
                { Max: 0 } => true,
                { Min: 1, Max: 1 } when last.Values.Count == 1 => last.Values[0],
                { Min: 1, Max: 1 } => new JsonArray(), // "--" given as the value: argparse strips it and stores []
                { Min: 0, Max: 1 } => last.Values.Count == 0 ? null : last.Values[0],
                _ => new JsonArray([.. last.Values.Select(v => (JsonNode)v)]),
            };
        }
        return new JsonObject { ["values"] = values, ["extras"] = new JsonArray([.. result.Extras.Select(e => (JsonNode)e.Word)]) };
    }
}
