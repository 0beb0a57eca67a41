using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Execution.Validation.Values;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>
/// The timestamp port against botocore's own validator (<c>ParamValidator._type_check_datetime</c>, then
/// <c>parse_to_aware_datetime</c> for the time it sends): thousands of values (ISO 8601, RFC 822, US and European
/// dates, times with am/pm, zones and offsets, epoch seconds, words, and mutations and random mixtures of all of
/// them) and JSON numbers. Port and Python must agree on every one: accepted (at the same UTC time, to the
/// microsecond), refused by the validator, or an error the validator lets through. AWS CLI v1 runs in python3
/// (botocore 1.43.11, dateutil 2.9.0), v2 in /usr/bin/python3 (v2 2.34.50's botocore from its source, Debian's
/// dateutil 2.8.2); both compute the same answers, so the port has no dialect.
/// </summary>
public sealed class TimestampDifferentialTests
{
    private const int Seed = 13;

    [Fact]
    public Task Decides_as_CLI_v1_does() => AssertAgreement("python3", [], today: null, strings: 5000, numbers: 500);

    /// <summary>dateutil fills missing fields from today: a leap day, a 31st, the end of a short month, and dates far
    /// from now (two-digit years are placed near the current year; a weekday can step past 9999-12-31).</summary>
    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2023-01-31")]
    [InlineData("2025-11-30")]
    [InlineData("2049-06-15")]
    [InlineData("9999-12-28")]
    public Task Decides_as_CLI_v1_does_on_other_days(string today) =>
        AssertAgreement("python3", [], today, strings: 1500, numbers: 0);

    [FactWhenV2Source]
    public Task Decides_as_CLI_v2_does() =>
        AssertAgreement("/usr/bin/python3", ["--cli-scripts", RepoPaths.Combine("scripts", "cli")], today: null, strings: 5000, numbers: 500,
            [("AWSCLI_V2_SOURCE", FactWhenV2SourceAttribute.Source)]);

    [Fact]
    public async Task Character_classes_are_Python_3_11s()
    {
        var run = await ProcessRunner.RunAsync("python3", [Oracle, "--classes"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var classes = JsonNode.Parse(run.Stdout)!;
        var alpha = Expand(classes["alpha"]!);
        var digit = Expand(classes["digit"]!);
        var space = Expand(classes["space"]!);
        var decimalValue = new int[0x110000];
        Array.Fill(decimalValue, -1);
        foreach (var zero in classes["decimalZeros"]!.AsArray())
        {
            for (var d = 0; d < 10; d++)
                decimalValue[zero!.GetValue<int>() + d] = d;
        }
        var differences = new List<string>();
        for (var codePoint = 0x80; codePoint < 0x110000; codePoint++)
        {
            var expected = (alpha[codePoint], digit[codePoint], decimalValue[codePoint], space[codePoint]);
            var actual = (PythonUnicode.IsAlpha(codePoint), PythonUnicode.IsDigit(codePoint), PythonUnicode.DecimalValue(codePoint), PythonUnicode.IsSpace(codePoint));
            if (expected != actual)
                differences.Add($"U+{codePoint:X4}: python {expected}, port {actual}");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differ:\n" + string.Join("\n", differences.Take(10)));
    }

    private static string Oracle => Path.Combine(AppContext.BaseDirectory, "Execution", "Validation", "timestamp_oracle.py");

    private static bool[] Expand(JsonNode ranges)
    {
        var set = new bool[0x110000];
        foreach (var range in ranges.AsArray())
        {
            for (var c = range![0]!.GetValue<int>(); c <= range[1]!.GetValue<int>(); c++)
                set[c] = true;
        }
        return set;
    }

    private static async Task AssertAgreement(string python, string[] options, string? today, int strings, int numbers,
        (string Name, string? Value)[]? environment = null)
    {
        var cases = TimestampCases.Generate(Seed, strings).Select(s => (JsonNode)new JsonObject { ["s"] = s })
            .Concat(TimestampCases.GenerateJson(Seed, numbers).Select(j => (JsonNode)new JsonObject { ["json"] = j }))
            .ToList();
        var input = Path.Combine(Path.GetTempPath(), $"timestamp-cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray([.. cases]).ToJsonString());
        try
        {
            string[] arguments = [Oracle, input, .. options, .. today is null ? [] : new[] { "--today", today }];
            var run = await ProcessRunner.RunAsync(python, arguments, TimeSpan.FromMinutes(5),
                environment?.ToDictionary(e => e.Name, e => e.Value));
            Assert.True(run.ExitCode == 0, run.Stderr);
            var answer = JsonNode.Parse(run.Stdout)!;
            // Without --today, the date the oracle ran on (a run across midnight could differ: run it again).
            var date = DateOnly.ParseExact(answer["today"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var expected = answer["results"]!.AsArray();
            Assert.Equal(cases.Count, expected.Count);
            var differences = new List<string>();
            for (var i = 0; i < cases.Count; i++)
            {
                var verdict = cases[i]!["s"] is { } s
                    ? PythonTimestamps.Check(s.GetValue<string>(), date)
                    : PythonTimestamps.Check(JsonDocument.Parse(cases[i]!["json"]!.GetValue<string>()).RootElement, date);
                var actual = Describe(verdict);
                // An uncaught error is compared by kind only: which Python exception it is does not matter to the CLI.
                var oracle = expected[i]!.AsArray();
                var same = oracle[0]!.GetValue<string>() == "error" ? actual.Count == 1 && actual[0]!.GetValue<string>() == "error"
                    : JsonNode.DeepEquals(oracle, actual);
                if (!same)
                    differences.Add($"{cases[i]!.ToJsonString()}\n  python: {oracle.ToJsonString()}\n  port:   {actual.ToJsonString()}");
            }
            Assert.True(differences.Count == 0,
                $"{answer["python"]} dateutil {answer["dateutil"]} on {date}: {differences.Count} of {cases.Count} differ:\n" +
                string.Join("\n", differences.Take(10)));
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The port's verdict in the oracle's terms.</summary>
    private static JsonArray Describe(TimestampVerdict verdict) => verdict.Outcome switch
    {
        TimestampOutcome.Accepted when verdict.Utc is { } utc =>
            ["ok", utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture)],
        TimestampOutcome.Rejected => ["invalid"],
        _ => ["error"],
    };
}

/// <summary>A fact that needs AWS CLI v2's source (AWSCLI_V2_SOURCE, or /tmp/v2src where the scripts' README puts it)
/// and Debian's /usr/bin/python3; skipped on machines without them (CI has none).</summary>
public sealed class FactWhenV2SourceAttribute : FactAttribute
{
    public static string? Source { get; } =
        new[] { Environment.GetEnvironmentVariable("AWSCLI_V2_SOURCE"), "/tmp/v2src" }
            .FirstOrDefault(d => !string.IsNullOrEmpty(d) && Directory.Exists(Path.Combine(d, "awscli", "botocore")));

    public FactWhenV2SourceAttribute()
    {
        if (Source is null || !File.Exists("/usr/bin/python3"))
            Skip = "needs the AWS CLI v2 source at 2.34.50 (AWSCLI_V2_SOURCE or /tmp/v2src) and /usr/bin/python3";
    }
}
