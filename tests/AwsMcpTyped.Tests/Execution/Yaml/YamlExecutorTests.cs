using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Output;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Yaml;

/// <summary>yaml and yaml-stream end to end through the executor with the real AWS CLI v1 and moto: converted before
/// --query's result or a filter sees it, errors untouched, the command line shown as written.</summary>
[Collection(MotoCollection.Name)]
public sealed class YamlExecutorTests(MotoServer moto) : IAsyncLifetime
{
    private readonly CommandExecutor _executor = new(AwsCatalogue.Default, ExecutionPolicy.Default, AwsCliV1.Installation);
    private readonly string _p = "yamlx" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Assert.Equal(CliDialects.V1, (await _executor.CatalogueAsync()).Dialect); // the v1 on PATH: the server converts
        Assert.Equal(0, (await moto.AwsAsync("ssm", "put-parameter", "--name", $"/{_p}/one", "--type", "String", "--value", "a: b")).ExitCode);
        Assert.Equal(0, (await moto.AwsAsync("ssm", "put-parameter", "--name", $"/{_p}/two", "--type", "String", "--value", "yes")).ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Json(string arguments)
    {
        var result = await ProcessRunner.RunAsync("aws", [.. arguments.Split(' '), "--output", "json"]);
        Assert.Equal(0, result.ExitCode);
        return result.Stdout;
    }

    private async Task<ExecutionResult> Run(string command)
    {
        var result = await _executor.ExecuteAsync(command);
        Assert.True(result.Status == ExecutionStatus.Success, result.ToText());
        return result;
    }

    [Fact]
    public async Task Yaml_output_is_the_converted_json()
    {
        var read = $"ssm get-parameters --names /{_p}/one /{_p}/two";
        var result = await Run($"aws {read} --output yaml");
        Assert.Equal(YamlOutput.Convert(await Json(read), YamlOutputStyle.Yaml), result.Output);
        Assert.Contains("  Value: 'a: b'\n", result.Output);
        Assert.Contains("  Value: yes\n", result.Output);
        Assert.StartsWith("InvalidParameters: []\nParameters:\n- ARN: ", result.Output);
    }

    [Fact]
    public async Task Yaml_stream_is_a_one_item_list()
    {
        var result = await Run($"aws ssm get-parameter --name=/{_p}/one --output=yaml-stream");
        Assert.StartsWith("- Parameter:\n    ARN: ", result.Output);
        Assert.Contains("\n    Value: 'a: b'\n", result.Output);
    }

    [Fact]
    public async Task Query_applies_first_and_a_scalar_prints_as_json()
    {
        Assert.Equal("\"a: b\"\n", (await Run($"aws ssm get-parameter --name /{_p}/one --query Parameter.Value --output yaml")).Output);
        Assert.Equal("- /" + _p + "/one\n- /" + _p + "/two\n",
            (await Run($"aws ssm get-parameters --names /{_p}/one /{_p}/two --query 'sort(Parameters[].Name)' --output yaml")).Output);
        Assert.Equal("null\n", (await Run($"aws ssm get-parameter --name /{_p}/one --query Parameter.Nothing --output yaml")).Output);
    }

    [Fact]
    public async Task A_filter_after_yaml_reads_yaml()
    {
        var result = await Run($"aws ssm get-parameters --names /{_p}/one /{_p}/two --output yaml | grep Value: | sort");
        Assert.Equal("  Value: 'a: b'\n  Value: yes\n", result.Output);
    }

    [Fact]
    public async Task A_failed_yaml_call_passes_its_error_through()
    {
        var result = await _executor.ExecuteAsync($"aws ssm get-parameter --name /{_p}/missing --output yaml");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Contains("ParameterNotFound", result.Stderr);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Only_the_output_value_is_rewritten()
    {
        Assert.Equal(["ssm", "get-parameter", "--name", "yaml", "--output", "json", "--query", "yaml"],
            YamlOnV1.WithJsonOutput(["ssm", "get-parameter", "--name", "yaml", "--output", "yaml", "--query", "yaml"]));
        Assert.Equal(["--output=json", "--region", "yaml-stream", "--output", "text"],
            YamlOnV1.WithJsonOutput(["--output=yaml-stream", "--region", "yaml-stream", "--output", "text"]));
    }
}
