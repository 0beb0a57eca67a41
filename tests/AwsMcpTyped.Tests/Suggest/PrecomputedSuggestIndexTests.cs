using System.Diagnostics;
using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Server;
using AwsMcpTyped.Suggest;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Suggest;

/// <summary>
/// The precomputed index (built at build time, embedded in the server): it must rank exactly like an index built
/// in-process, and a file made for another catalogue or damaged must never be used.
/// </summary>
public sealed class PrecomputedSuggestIndexTests
{
    private static readonly Lazy<byte[]> WrittenIndex = new(() =>
    {
        using var buffer = new MemoryStream();
        CommandSuggester.Default.WriteIndex(buffer);
        return buffer.ToArray();
    });

    private static IEnumerable<string> EvaluationQueries() =>
        new[] { "queries.json", "queries.holdout.json" }.SelectMany(file =>
            JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("tests", "AwsMcpTyped.Tests", "Suggest", file))).RootElement
                .EnumerateArray().Select(q => q.GetProperty("query").GetString()!));

    [Fact]
    public void A_written_index_reads_back_and_ranks_exactly_like_the_built_one()
    {
        var loaded = new CommandSuggester(AwsCatalogue.Default, () => new MemoryStream(WrittenIndex.Value));
        Assert.Equal(SuggestIndexOrigin.Precomputed, loaded.Origin);
        Assert.Equal(SuggestIndexOrigin.Built, CommandSuggester.Default.Origin);
        AssertSameRankings(CommandSuggester.Default, loaded);
    }

    [Fact]
    public void The_server_embeds_an_index_for_its_catalogue_that_ranks_like_the_built_one()
    {
        using (var resource = PrecomputedSuggestIndex.Open())
            Assert.True(resource is { Length: > 100_000 }, $"embedded index: {resource?.Length.ToString() ?? "missing"}");
        var embedded = PrecomputedSuggestIndex.CreateSuggester(AwsCatalogue.Default);
        var load = embedded.Warm();
        Assert.Equal(SuggestIndexOrigin.Precomputed, embedded.Origin);
        Assert.Equal(CommandSuggester.Default.Statistics, embedded.Statistics);
        AssertSameRankings(CommandSuggester.Default, embedded);
        Assert.True(load < TimeSpan.FromSeconds(1), $"loading the embedded index took {load.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void An_index_of_another_catalogue_is_not_used()
    {
        var index = SuggestIndexFile.Read(new MemoryStream(WrittenIndex.Value), CatalogueFingerprint.Of(AwsCatalogue.Default), Stopwatch.StartNew())!;
        using var stale = new MemoryStream();
        SuggestIndexFile.Write(index, CatalogueFingerprint.Of(AwsCatalogue.Default).Replace("botocore=", "botocore=0.", StringComparison.Ordinal), stale);

        Assert.Null(SuggestIndexFile.Read(new MemoryStream(stale.ToArray()), CatalogueFingerprint.Of(AwsCatalogue.Default), Stopwatch.StartNew()));
        var suggester = new CommandSuggester(AwsCatalogue.Default, () => new MemoryStream(stale.ToArray()));
        Assert.Equal(SuggestIndexOrigin.Built, suggester.Origin);
        Assert.Contains(suggester.Suggest("create a dynamodb table"), s => s is { Service: "dynamodb", Command: "create-table" });
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("truncated")]
    [InlineData("corrupted")]
    [InlineData("not brotli")]
    public void A_missing_or_damaged_index_falls_back_to_building(string damage)
    {
        var bytes = WrittenIndex.Value;
        Func<Stream?> open = damage switch
        {
            "missing" => () => null,
            "truncated" => () => new MemoryStream(bytes[..(bytes.Length / 2)]),
            "corrupted" => () => new MemoryStream(bytes.Select((b, i) => i > 16 && i % 97 == 0 ? (byte)~b : b).ToArray()),
            _ => () => new MemoryStream("AWSX not compressed"u8.ToArray()),
        };
        var suggester = new CommandSuggester(AwsCatalogue.Default, open);
        Assert.Equal(SuggestIndexOrigin.Built, suggester.Origin);
        Assert.Equal(CommandSuggester.Default.Statistics, suggester.Statistics);
    }

    /// <summary>Same commands, order, scores, summaries, access and required arguments for every evaluation query.</summary>
    private static void AssertSameRankings(CommandSuggester expected, CommandSuggester actual)
    {
        var queries = EvaluationQueries().ToList();
        Assert.True(queries.Count >= 100, $"{queries.Count} evaluation queries");
        foreach (var query in queries)
        {
            var want = expected.Suggest(query).Select(Describe).ToList();
            var got = actual.Suggest(query).Select(Describe).ToList();
            Assert.True(want.Count > 0, query);
            Assert.Equal(want, got);
        }
    }

    private static string Describe(CommandSuggestion s) =>
        $"{s.Service} {s.Command} {s.Score:R} {s.Access} [{string.Join(' ', s.RequiredArguments)}] {s.Summary}";
}
