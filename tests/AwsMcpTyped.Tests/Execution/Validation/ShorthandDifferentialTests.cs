using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Execution.Validation.Values;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>
/// The shorthand port against the CLI's own <c>awscli.shorthand.ShorthandParser</c>: thousands of random values built
/// from the grammar's pieces (keys, '=', '@=', commas, brackets, braces, quotes with escapes, <c>\,</c>, white space of
/// every kind, characters outside the Basic Multilingual Plane) must parse to the same value, or stop at the same
/// character.
/// </summary>
public sealed class ShorthandDifferentialTests
{
    private static readonly string[] Pieces =
    [
        "Key", "Name", "a", "b-c", "x.y", "#k", "/p", "k:1", "=", "@=", " @ =", ",", ", ", "[", "]", "{", "}", "'q'", "'it\\'s'",
        "\"d\"", "\"e\\\"f\"", "\\,", "v", "1", "true", " ", "\t", "\u00a0", "\u001c", "file://x", "fileb://y", "😀", "é", "=>", "-", "*",
    ];

    [Fact]
    public async Task Parses_as_the_CLI_does()
    {
        var random = new Random(13);
        var values = Enumerable.Range(0, 4000).Select(_ => Value(random)).ToList();
        var input = Path.Combine(Path.GetTempPath(), $"shorthand-cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(values));
        try
        {
            var oracle = Path.Combine(AppContext.BaseDirectory, "Execution", "Validation", "shorthand_oracle.py");
            var run = await ProcessRunner.RunAsync("python3", [oracle, input]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            var expected = JsonNode.Parse(run.Stdout)!.AsArray();
            var differences = new List<string>();
            var errors = 0;
            for (var i = 0; i < values.Count; i++)
            {
                var result = ShorthandParser.Parse(values[i]);
                errors += result.Error is null ? 0 : 1;
                var actual = result.Error is { } error
                    ? new JsonObject { ["error"] = error.Index }
                    : new JsonObject { ["value"] = ToJson(result.Value) };
                if (!JsonNode.DeepEquals(expected[i], actual))
                    differences.Add($"{JsonSerializer.Serialize(values[i])}\n  cli:  {expected[i]!.ToJsonString()}\n  port: {actual.ToJsonString()}");
            }
            Assert.True(differences.Count == 0, $"{differences.Count} of {values.Count} differ:\n" + string.Join("\n", differences.Take(10)));
            Assert.InRange(errors, values.Count / 10, values.Count * 9 / 10); // both kinds of outcome are exercised
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>Mostly well-formed key=value lists with random pieces mixed in.</summary>
    private static string Value(Random random)
    {
        var parts = new List<string>();
        var pairs = random.Next(1, 4);
        for (var p = 0; p < pairs; p++)
        {
            if (p > 0)
                parts.Add(random.Next(5) == 0 ? ", " : ",");
            parts.Add(Pieces[random.Next(8)]);
            parts.Add(random.Next(4) == 0 ? "@=" : "=");
            var noise = random.Next(4);
            for (var n = 0; n < noise + 1; n++)
                parts.Add(Pieces[random.Next(Pieces.Length)]);
        }
        return string.Concat(parts);
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        string s => JsonValue.Create(s),
        LoadedFile f => new JsonObject { ["file"] = f.Reference },
        List<object?> items => new JsonArray([.. items.Select(ToJson)]),
        Dictionary<string, object?> members => new JsonObject(members.Select(m => KeyValuePair.Create(m.Key, ToJson(m.Value)))),
        _ => throw new InvalidOperationException(value?.GetType().Name),
    };
}
