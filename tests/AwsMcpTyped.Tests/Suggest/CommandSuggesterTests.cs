using System.Diagnostics;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Suggest;

namespace AwsMcpTyped.Tests.Suggest;

public sealed class CommandSuggesterTests
{
    private static readonly CommandSuggester Suggester = CommandSuggester.Default;

    private static List<string> Keys(string query, int count = 5) =>
        Suggester.Suggest(query, count).Select(s => $"{s.Service} {s.Command}").ToList();

    [Fact]
    public void Ranking_is_stable_across_calls_and_threads()
    {
        var queries = new[] { "list my buckets", "create a dynamodb table", "show running ec2 instances", "get a secret value" };
        var expected = queries.Select(q => Suggester.Suggest(q)).ToList();
        Parallel.For(0, 40, i =>
        {
            var again = Suggester.Suggest(queries[i % queries.Length]);
            Assert.Equal(expected[i % queries.Length], again, SuggestionComparer.Instance);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("xyzzy qwertyuiop zzzzzz")]
    [InlineData("the a of to")]
    [InlineData("!!! ??? ---")]
    public void Empty_or_unknown_words_give_no_suggestions(string query) => Assert.Empty(Suggester.Suggest(query));

    [Fact]
    public void Garbage_mixed_with_noise_does_not_throw_and_scores_low()
    {
        var good = Suggester.Suggest("create a dynamodb table")[0].Score;
        var noise = Suggester.Suggest("asdf ghjk lorem ipsum dolor sit amet \u00e9\u00e8 \ud83d\ude00 " + new string('x', 5000));
        Assert.All(noise, s => Assert.True(s.Score < good, $"{s.Service} {s.Command} {s.Score} >= {good}"));
    }

    [Fact]
    public void Required_arguments_are_listed()
    {
        var createTable = Suggester.Suggest("create a dynamodb table").Single(s => s is { Service: "dynamodb", Command: "create-table" });
        Assert.Contains("--table-name", createTable.RequiredArguments);
        Assert.Equal(AccessClass.Write, createTable.Access);
        Assert.DoesNotContain("--billing-mode", createTable.RequiredArguments);
        Assert.False(string.IsNullOrWhiteSpace(createTable.Summary));
        Assert.DoesNotContain('\n', createTable.Summary);
    }

    [Fact]
    public void Count_is_respected()
    {
        Assert.Equal(5, Suggester.Suggest("list instances").Count);
        Assert.Single(Suggester.Suggest("list instances", 1));
        Assert.Equal(12, Suggester.Suggest("list instances", 12).Count);
        Assert.Empty(Suggester.Suggest("list instances", 0));
        Assert.Equal(Keys("list instances", 12).Take(5), Keys("list instances"));
    }

    [Fact]
    public void Customizations_and_waiters_are_suggested()
    {
        Assert.Contains("s3 cp", Keys("copy a file to s3"));
        Assert.Contains("ec2 wait instance-running", Keys("wait until an instance is running"));
    }

    [Fact]
    public void Hidden_commands_and_alias_services_are_never_suggested()
    {
        foreach (var query in new[] { "invoke endpoint sagemaker runtime", "list buckets", "describe instances", "configure set", "history" })
        {
            foreach (var suggestion in Suggester.Suggest(query, 20))
            {
                var service = AwsCatalogue.Default.FindService(suggestion.Service)!;
                Assert.False(service.Hidden || service.AliasOf is not null, suggestion.Service);
                Assert.False(AwsCatalogue.Default.FindCommand(suggestion.Service, suggestion.Command)!.IsHidden, suggestion.Command);
            }
        }
    }

    [Fact]
    public void Queries_are_fast_once_built()
    {
        Suggester.Warm();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
            Suggester.Suggest("show me the running instances in my account " + i);
        Assert.True(clock.Elapsed.TotalMilliseconds / 50 < 20, $"{clock.Elapsed.TotalMilliseconds / 50:F1} ms per query");
    }

    private sealed class SuggestionComparer : IEqualityComparer<CommandSuggestion>
    {
        public static readonly SuggestionComparer Instance = new();

        public bool Equals(CommandSuggestion? x, CommandSuggestion? y) =>
            x is not null && y is not null && x.Service == y.Service && x.Command == y.Command && x.Score == y.Score;

        public int GetHashCode(CommandSuggestion obj) => HashCode.Combine(obj.Service, obj.Command);
    }
}
