using AwsMcpTyped.Agreement;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Benchmarks;

/// <summary>Validation against the real CLI's verdicts on the parsing corpus, with the time per command: a cold pass
/// (each service's detail loads on first use) and a warm one, whose p99 is the figure the issue sets (≤ 1 ms).</summary>
internal static class ParseCorpusBenchmark
{
    public static void Run(string? corpus)
    {
        var root = FindRoot();
        var work = Directory.CreateTempSubdirectory("parse-corpus-").FullName;
        try
        {
            // A corpus named on the command line is of the version its name says (…-v2.jsonl.gz).
            CliDialects[] dialects = corpus is null ? [CliDialects.V1, CliDialects.V2] : [corpus.Contains("-v2") ? CliDialects.V2 : CliDialects.V1];
            foreach (var dialect in dialects)
            {
                var path = corpus ?? ParseCorpus.PathFor(root, dialect);
                var lines = ParseCorpus.Read(path);
                var cold = ParseCorpus.Judge(lines, dialect, work);
                var gen2 = GC.CollectionCount(2);
                var warm = ParseCorpus.Judge(lines, dialect, work);
                gen2 = GC.CollectionCount(2) - gen2;
                Console.WriteLine(ParseCorpus.Report(warm, dialect, int.TryParse(Environment.GetEnvironmentVariable("PARSE_DIFFERENCES"), out var n) ? n : 25));
                var coldTimes = cold.Select(o => o.Microseconds).Order().ToList();
                Console.WriteLine($"  cold pass (details loading on first use): p50 {ParseCorpus.Quantile(coldTimes, 0.5):F0} µs, " +
                                  $"p99 {ParseCorpus.Quantile(coldTimes, 0.99):F0} µs, max {coldTimes.Last():F0} µs, total {coldTimes.Sum() / 1000:F0} ms");
                Console.WriteLine($"  managed heap after the passes: {GC.GetTotalMemory(forceFullCollection: true) / (1 << 20)} MB; full collections in the warm pass: {gen2}");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AwsMcpTyped.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("AwsMcpTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
