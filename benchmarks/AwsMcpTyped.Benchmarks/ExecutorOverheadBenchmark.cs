using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AwsMcpTyped.Execution;

namespace AwsMcpTyped.Benchmarks;

/// <summary>
/// The executor's overhead over the raw AWS CLI: the same command against a local moto_server, run directly with
/// Process (argv, no shell) and through CommandExecutor, alternating, in paired runs. Prints the median of the
/// paired differences in ms and the median ratio.
/// </summary>
internal static class ExecutorOverheadBenchmark
{
    private const int Pairs = 15;
    private const string Command = "aws s3api list-buckets --query 'Buckets[].Name' --output text";
    private static readonly string[] RawArguments = ["s3api", "list-buckets", "--query", "Buckets[].Name", "--output", "text"];

    public static async Task RunAsync()
    {
        var port = FreePort();
        using var moto = Process.Start(new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString()])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        moto.BeginErrorReadLine();
        moto.BeginOutputReadLine();
        try
        {
            await WaitForMotoAsync(port);
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", $"http://127.0.0.1:{port}");
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
            Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/nonexistent");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");

            var cli = AwsCliInstallation.Detect();
            var executor = CommandExecutor.CreateDefault();
            await executor.ExecuteAsync(Command); // warm the JIT, moto's s3 backend and the catalogue
            await RawAsync(cli.Path!);

            var differences = new List<double>();
            var ratios = new List<double>();
            var raws = new List<double>();
            for (var i = 0; i < Pairs; i++)
            {
                var raw = await RawAsync(cli.Path!);
                var clock = Stopwatch.StartNew();
                var result = await executor.ExecuteAsync(Command);
                var ours = clock.Elapsed.TotalMilliseconds;
                if (result.IsError)
                    throw new InvalidOperationException(result.ToText());
                differences.Add(ours - raw);
                ratios.Add(ours / raw);
                raws.Add(raw);
            }
            var validation = MeasureValidation();
            Console.WriteLine($"executor overhead over the raw aws CLI ({Pairs} paired runs, moto): median {Median(differences):F1} ms " +
                              $"(raw aws median {Median(raws):F0} ms; ratio {Median(ratios):F3})");
            Console.WriteLine($"validation alone (tokenize + catalogue checks, pipeline with jq): {validation * 1000:F1} µs per command");
        }
        finally
        {
            moto.Kill(entireProcessTree: true);
        }
    }

    private static async Task<double> RawAsync(string aws)
    {
        var start = new ProcessStartInfo(aws, RawArguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(await error);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double MeasureValidation()
    {
        var validator = new AwsMcpTyped.Execution.Validation.CommandValidator(AwsMcpTyped.Catalogue.AwsCatalogue.Default, AwsMcpTyped.Execution.ExecutionPolicy.Default);
        const string line = "aws ec2 describe-instances --region us-west-2 --filters Name=instance-state-name,Values=running | jq -r '.Reservations[].Instances[].InstanceId' | sort";
        for (var i = 0; i < 1000; i++)
            validator.Validate(line, 300);
        var clock = Stopwatch.StartNew();
        const int runs = 20_000;
        for (var i = 0; i < runs; i++)
            validator.Validate(line, 300);
        return clock.Elapsed.TotalMilliseconds / runs;
    }

    private static async Task WaitForMotoAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/moto-api/")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("moto_server did not start");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
