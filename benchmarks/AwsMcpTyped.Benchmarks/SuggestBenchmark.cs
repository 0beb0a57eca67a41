using System.Diagnostics;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Suggest;

namespace AwsMcpTyped.Benchmarks;

/// <summary>suggest_commands' index in-process: building it from the catalogue (what the build-time indexer does)
/// against reading the precomputed file (what the server does at its first query), and the file's size. Run it as
/// its own process (<c>suggest</c>) for cold figures; the cold-process figure through MCP is in <see cref="ServerBenchmark"/>.</summary>
internal static class SuggestBenchmark
{
    private const string Query = "list my s3 buckets";

    public static void Run()
    {
        var clock = Stopwatch.StartNew();
        var built = new CommandSuggester(AwsCatalogue.Default);
        built.Warm();
        built.Suggest(Query);
        var buildTime = clock.Elapsed;

        using var file = new MemoryStream();
        built.WriteIndex(file);
        var bytes = file.ToArray();

        clock.Restart();
        var loaded = new CommandSuggester(AwsCatalogue.Default, () => new MemoryStream(bytes));
        var first = loaded.Suggest(Query);
        var loadTime = clock.Elapsed;
        if (loaded.Origin != SuggestIndexOrigin.Precomputed || first.Count == 0)
            throw new InvalidOperationException("the precomputed index was not used");

        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            new CommandSuggester(AwsCatalogue.Default, () => new MemoryStream(bytes)).Warm();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"suggest index file                  {bytes.Length / 1024.0:F0} KiB Brotli ({loaded.Statistics})");
        Console.WriteLine($"suggest: build index + first query  {buildTime.TotalMilliseconds:F0} ms (no precomputed index)");
        Console.WriteLine($"suggest: load index + first query   {loadTime.TotalMilliseconds:F0} ms (precomputed, JIT cold for the reader)");
        Console.WriteLine($"suggest: load index, JIT warm       median {samples.Order().ElementAt(samples.Count / 2):F0} ms of {samples.Count}");
    }
}
