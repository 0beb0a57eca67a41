using System.Text;
using System.Text.Json.Nodes;
using AwsMcpTyped.Execution.Output;
using AwsMcpTyped.Tests.Support;
using Xunit.Abstractions;

namespace AwsMcpTyped.Tests.Execution.Yaml;

/// <summary>The acceptance test of yaml on v1: for varied real moto answers, our conversion of what AWS CLI v1 prints
/// with <c>--output json</c> is byte for byte what AWS CLI v2 prints with <c>--output yaml</c> (and yaml-stream) for the
/// same state. Both CLIs read the same resources after the setup, so volatile fields (creation times) are equal.</summary>
[Collection(MotoCollection.Name)]
public sealed class YamlV2EquivalenceTests(MotoServer moto, ITestOutputHelper log) : IAsyncLifetime
{
    private readonly YamlCliPair _cli = new(moto);
    private readonly string _p = "yaml" + Guid.NewGuid().ToString("N")[..8];
    private readonly YamlFixtureResources _resources = new();

    public async Task InitializeAsync() => await _resources.CreateAsync(_cli, _p);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>v2 2.9.19's botocore models are older than v1 1.45's, so a few answers hold members only v1 knows
    /// (SecurityGroupArn, DeletionProtectionEnabled, …). Where the data differ, v1's answer cannot equal v2's; there
    /// our conversion of v2's own JSON must equal its YAML instead. At least 20 answers must carry equal data.</summary>
    [Fact]
    public async Task Yaml_from_v1_json_equals_v2_yaml_on_real_moto_answers()
    {
        Assert.True(YamlCliPair.V2Installed, "AWS CLI v2 2.9.19 is expected under /opt/awscli-v2");
        var sameData = 0;
        var modelDiffers = new List<string>();
        var failures = new StringBuilder();
        foreach (var (command, streamed) in _resources.Commands(_p))
        {
            var name = string.Join(' ', command) + (streamed ? " (yaml-stream)" : "");
            var style = streamed ? YamlOutputStyle.YamlStream : YamlOutputStyle.Yaml;
            var v1 = await _cli.V1Async([.. command, "--output", "json"]);
            var v2Json = await _cli.V2Async([.. command, "--output", "json"]);
            var v2 = await _cli.V2Async([.. command, "--output", streamed ? "yaml-stream" : "yaml"]);
            Assert.True(v1.ExitCode == 0 && v2Json.ExitCode == 0 && v2.ExitCode == 0, $"{name}: {v1.Stderr}{v2Json.Stderr}{v2.Stderr}");
            var equalData = JsonNode.DeepEquals(JsonNode.Parse(v1.Stdout), JsonNode.Parse(v2Json.Stdout));
            var converted = YamlOutput.Convert(equalData ? v1.Stdout : v2Json.Stdout, style);
            if (converted != v2.Stdout)
                failures.Append($"\n--- {name} ({(equalData ? "v1" : "v2")} JSON)\nv2:\n{v2.Stdout}\nours:\n{converted}\n");
            if (equalData)
                sameData++;
            else
                modelDiffers.Add(name);
        }
        log.WriteLine($"{sameData} answers with equal data compared from v1 JSON; {modelDiffers.Count} from v2 JSON (models differ): {string.Join("; ", modelDiffers)}");
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(sameData >= 20, $"only {sameData} answers with equal data; the models differ on: {string.Join("; ", modelDiffers)}");
    }

    /// <summary>v2's yaml-stream prints each page as it arrives, as a one-item list, so several pages give several
    /// items (each with only its page's results); v1 hands us one aggregated answer, so we print one item: the
    /// aggregate, exactly as v2 prints a single page. v2's --output yaml aggregates the pages, as we do.</summary>
    [Fact]
    public async Task Yaml_stream_of_several_pages_is_one_item_where_v2_prints_one_per_page()
    {
        string[] command = ["ssm", "describe-parameters", "--parameter-filters", $"Key=Name,Option=BeginsWith,Values=/{_p}/", "--page-size", "3",
            "--query", "Parameters[].Name"];
        var v1 = await _cli.V1Async([.. command, "--output", "json"]);
        var v2Stream = await _cli.V2Async([.. command, "--output", "yaml-stream"]);
        var v2Yaml = await _cli.V2Async([.. command, "--output", "yaml"]);
        Assert.Equal(0, v1.ExitCode);

        var stream = YamlOutput.Convert(v1.Stdout, YamlOutputStyle.YamlStream)!;
        var yaml = YamlOutput.Convert(v1.Stdout, YamlOutputStyle.Yaml)!;
        Assert.Equal(v2Yaml.Stdout, yaml); // aggregated: equal
        var v2Items = v2Stream.Stdout.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal));
        Assert.True(v2Items > 1, "v2 printed one page: " + v2Stream.Stdout);
        Assert.Equal(1, stream.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal)));
        // our single item holds every name v2 spread over its pages, in the same order
        Assert.Equal(Names(v2Stream.Stdout), Names(stream));

        static string[] Names(string text) => text.Split('\n').Select(line => line.TrimStart('-', ' ')).Where(line => line.StartsWith('/')).ToArray();
    }
}
