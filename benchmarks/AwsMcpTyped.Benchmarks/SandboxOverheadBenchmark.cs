using System.Diagnostics;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Sandbox;

namespace AwsMcpTyped.Benchmarks;

/// <summary>
/// What the kernel sandbox adds per stage: the same pipelines (printf standing in for aws, then one filter; and a
/// four-stage pipeline) run through the pipeline runner contained and uncontained, alternating, in paired runs.
/// Prints the median paired difference per contained stage (target ≤ 10 ms).
/// </summary>
internal static class SandboxOverheadBenchmark
{
    private const int Pairs = 40;

    public static async Task RunAsync()
    {
        var contained = new ProcessPipelineRunner("/usr/bin/printf", StageSandbox.Default);
        var uncontained = new ProcessPipelineRunner("/usr/bin/printf", new StageSandbox.Uncontained("benchmark baseline"));
        Console.WriteLine("sandbox: " + contained.Containment.Summary);
        if (!contained.Containment.IsContained)
            return;
        var directory = Directory.CreateTempSubdirectory("awsmcp-bench-").FullName;
        try
        {
            (string Name, StageLaunch[] Stages)[] pipelines =
            [
                ("aws | jq", [Aws, new("jq", ["-c", "."], false)]),
                ("aws | sort", [Aws, new("sort", ["-r"], false)]),
                ("aws | grep | sort | head", [Aws, new("grep", ["a"], false), new("sort", [], false), new("head", ["-n", "5"], false)]),
            ];
            foreach (var (name, stages) in pipelines)
            {
                var request = new PipelineRequest(stages, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30), 100_000, directory);
                await contained.RunAsync(request, default);
                await uncontained.RunAsync(request, default);
                var differences = new List<double>();
                var baselines = new List<double>();
                for (var i = 0; i < Pairs; i++)
                {
                    var baseline = await TimeAsync(uncontained, request);
                    differences.Add(await TimeAsync(contained, request) - baseline);
                    baselines.Add(baseline);
                }
                Console.WriteLine($"sandbox overhead, {name} ({Pairs} paired runs): median {Median(differences):F2} ms for {stages.Length} stages = " +
                                  $"{Median(differences) / stages.Length:F2} ms per contained stage (uncontained pipeline median {Median(baselines):F1} ms)");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static StageLaunch Aws => new("aws", ["{\"a\": [1, 2, 3]}\\n"], true);

    private static async Task<double> TimeAsync(ProcessPipelineRunner runner, PipelineRequest request)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await runner.RunAsync(request, default);
        if (outcome.Stages.Any(s => s.ExitCode is not (0 or 1)))
            throw new InvalidOperationException(string.Join("; ", outcome.Stages.Select(s => $"{s.Program}: {s.ExitCode} {s.Stderr}")));
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
