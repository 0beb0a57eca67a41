using System.Diagnostics;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Describe;

namespace AwsMcpTyped.Benchmarks;

/// <summary>The catalogue's run-time figures: load time, describe latency over every command, size, RSS.</summary>
internal static class CatalogueBenchmark
{
    public static void Run()
    {
        var clock = Stopwatch.StartNew();
        var catalogue = AwsCatalogue.Default;
        var services = catalogue.ServiceNames.Count;
        var firstLookup = catalogue.FindCommand("ec2", "describe-instances");
        var loadIndex = clock.Elapsed;

        clock.Restart();
        var all = catalogue.LoadAll();
        var commands = all.Sum(s => s.Commands.Count);
        var loadTables = clock.Elapsed;
        var rssTables = Rss();

        clock.Restart();
        var describer = new CommandDescriber(catalogue);
        var firstDescribe = describer.Describe("ec2", "describe-instances");
        var firstDescribeTime = clock.Elapsed;

        clock.Restart();
        foreach (var service in all)
            catalogue.GetDetail(service);
        var loadDetails = clock.Elapsed;

        // Describe every command twice: the first pass warms the JIT, the second is measured.
        var samples = new List<double>(commands);
        long characters = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            samples.Clear();
            foreach (var service in all)
            {
                foreach (var command in service.Commands)
                {
                    var start = Stopwatch.GetTimestamp();
                    var page = describer.Describe(service.Name, command.Name);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    characters += page.Text.Length;
                }
            }
        }
        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p / 100 * samples.Count) - 1)];

        var assembly = typeof(AwsCatalogue).Assembly.Location;
        Console.WriteLine($"services (top-level commands)      {services}");
        Console.WriteLine($"commands                            {commands}");
        Console.WriteLine($"catalogue index + first lookup      {loadIndex.TotalMilliseconds:F1} ms (found: {firstLookup is not null})");
        Console.WriteLine($"all command tables built            {loadTables.TotalMilliseconds:F1} ms");
        Console.WriteLine($"first describe (ec2 detail cold)    {firstDescribeTime.TotalMilliseconds:F1} ms ({firstDescribe.Text.Length} chars)");
        Console.WriteLine($"all service details decompressed    {loadDetails.TotalMilliseconds:F1} ms (kept: the {AwsCatalogue.DetailCacheCapacity} most recently used)");
        Console.WriteLine($"describe latency over {samples.Count} commands: p50 {Percentile(50):F3} ms, p99 {Percentile(99):F3} ms, max {samples[^1]:F2} ms");
        Console.WriteLine($"catalogue assembly size             {new FileInfo(assembly).Length / 1024.0 / 1024.0:F1} MB ({Path.GetFileName(assembly)})");
        Console.WriteLine($"RSS after loading all command tables {rssTables / 1024.0 / 1024.0:F0} MB");
        Console.WriteLine($"RSS after describing every command   {Rss() / 1024.0 / 1024.0:F0} MB");

    }

    static long Rss()
    {
        // An aggressive collection returns freed memory to the OS, so RSS shows what is really retained.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
