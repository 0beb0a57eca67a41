using System.Diagnostics;
using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Suggest;
using AwsMcpTyped.Tests.Support;
using Xunit.Abstractions;

namespace AwsMcpTyped.Tests.Suggest;

/// <summary>
/// Recall of suggest_commands on <c>queries.json</c>: realistic requests (written before tuning, with paraphrases
/// and a few hard ones), each with the commands that would do it. Prints each query's rank so regressions show.
/// </summary>
public sealed class SuggestEvaluationTests(ITestOutputHelper output)
{
    private const double RecallAt5Target = 0.90;

    /// <summary>The held-out set (queries.holdout.json, written after tuning on queries.json and not tuned on):
    /// a lower bar that still catches a collapse, reported to show how much of the tuning set's figure is overfit.</summary>
    private const double HoldoutRecallAt5Floor = 0.75;

    private sealed record EvaluationQuery(string Query, string[] Acceptable);

    private static IReadOnlyList<EvaluationQuery> Queries(string file = "queries.json") =>
        JsonSerializer.Deserialize<List<EvaluationQuery>>(
            File.ReadAllText(RepoPaths.Combine("tests", "AwsMcpTyped.Tests", "Suggest", file)),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [Fact]
    public void Evaluation_set_names_only_real_commands()
    {
        var queries = Queries();
        Assert.True(queries.Count >= 45, $"{queries.Count} queries");
        foreach (var acceptable in queries.Concat(Queries("queries.holdout.json")).SelectMany(q => q.Acceptable))
        {
            var space = acceptable.IndexOf(' ');
            Assert.True(AwsCatalogue.Default.FindCommand(acceptable[..space], acceptable[(space + 1)..]) is { IsHidden: false },
                $"'{acceptable}' is not a visible AWS CLI command");
        }
    }

    [Fact]
    public void Recall_at_5_meets_the_target() => Assert.True(Evaluate(Queries()) >= RecallAt5Target, $"Recall@5 < {RecallAt5Target:P0}");

    [Fact]
    public void Recall_at_5_on_the_held_out_set() =>
        Assert.True(Evaluate(Queries("queries.holdout.json")) >= HoldoutRecallAt5Floor, $"held-out Recall@5 < {HoldoutRecallAt5Floor:P0}");

    /// <summary>Prints each query's rank and the set's figures; returns Recall@5.</summary>
    private double Evaluate(IReadOnlyList<EvaluationQuery> queries)
    {
        var suggester = CommandSuggester.Default;
        var clock = Stopwatch.StartNew();
        var build = suggester.Warm();
        output.WriteLine($"index: {suggester.Statistics} built in {build.TotalMilliseconds:F0} ms (first call {clock.ElapsedMilliseconds} ms)");

        int at1 = 0, at3 = 0, at5 = 0, at10 = 0;
        double reciprocal = 0;
        var misses = new List<string>();
        clock.Restart();
        foreach (var query in queries)
        {
            var suggestions = suggester.Suggest(query.Query, 10);
            var keys = suggestions.Select(s => $"{s.Service} {s.Command}").ToList();
            var rank = keys.FindIndex(k => query.Acceptable.Contains(k)) + 1;
            if (rank == 1) at1++;
            if (rank is > 0 and <= 3) at3++;
            if (rank is > 0 and <= 5) at5++;
            if (rank > 0) at10++;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
            var line = $"{(rank == 0 ? "-" : rank.ToString()),2}  {query.Query}  →  {string.Join(" | ", keys.Take(5))}";
            output.WriteLine(line);
            if (rank is 0 or > 5)
                misses.Add(line);
        }
        var perQuery = clock.Elapsed.TotalMilliseconds / queries.Count;
        var n = (double)queries.Count;
        output.WriteLine($"R@1 {at1}/{queries.Count} ({at1 / n:P0})  R@3 {at3 / n:P0}  R@5 {at5}/{queries.Count} ({at5 / n:P0})  " +
                         $"R@10 {at10 / n:P0}  MRR {reciprocal / n:F3}  {perQuery:F2} ms/query");
        output.WriteLine("misses (rank > 5):" + Environment.NewLine + string.Join(Environment.NewLine, misses));
        return at5 / n;
    }
}
