using System.Diagnostics;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Benchmarks;

/// <summary>What being in step with an installed CLI costs: the v2 view over the models of a CLI whose version differs
/// (Debian's awscli 2.9.19 at /opt/awscli-v2, or the folder given), once per service on its first use.</summary>
internal static class InstalledOverlayBenchmark
{
    public static void Run(string models = "/opt/awscli-v2/usr/lib/python3/dist-packages/awscli/botocore/data", string version = "2.9.19")
    {
        if (!Directory.Exists(models))
        {
            Console.WriteLine($"installed overlay: skipped ({models} not found; scripts/cli/install-awscli-v2.sh installs it)");
            return;
        }
        var view = AwsCatalogue.Default.ForDialect(CliDialects.V2);
        _ = view.FindCommand("sts", "get-caller-identity"); // the built tables' own first use is not the overlay's cost

        var clock = Stopwatch.StartNew();
        var overlay = view.InStepWith(new InstalledCliModels(Version.Parse(version), models, []));
        Console.WriteLine($"installed overlay: view over {models} ({overlay.ServiceNames.Count} services) {clock.Elapsed.TotalMilliseconds:F1} ms");
        foreach (var (service, command) in new[] { ("ec2", "describe-instances"), ("s3api", "list-buckets"), ("lambda", "list-functions"), ("sts", "get-caller-identity") })
        {
            clock.Restart();
            var found = overlay.FindCommand(service, command);
            var table = clock.Elapsed;
            clock.Restart();
            overlay.GetDetail(overlay.FindService(service)!);
            var detail = clock.Elapsed;
            clock.Restart();
            for (var i = 0; i < 1000; i++)
                overlay.FindCommand(service, command);
            var steady = clock.Elapsed;
            Console.WriteLine($"  {service,-8} first table {table.TotalMilliseconds,7:F1} ms, first detail {detail.TotalMilliseconds,7:F1} ms, " +
                              $"then lookup {steady.TotalMilliseconds:F3} µs (found: {found is not null})");
        }
    }
}
