using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Yaml;

/// <summary>The installed AWS CLI v1 (<c>aws</c>) and the Debian AWS CLI v2 2.9.19 (run with the system python, which
/// has its ruamel.yaml 0.17.21 and ruamel.yaml.clib), both against the same moto_server. Both get a config file with
/// <c>cli_timestamp_format = iso8601</c> (v2's default; v1's default prints timestamps as the service sent them), so
/// they print the same data.</summary>
internal sealed class YamlCliPair(MotoServer moto)
{
    private const string V2Root = "/opt/awscli-v2/usr/lib/python3/dist-packages";
    private static readonly Lazy<string> Config = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"yaml-cli-config-{Environment.ProcessId}");
        File.WriteAllText(path, "[default]\nregion = us-east-1\ncli_timestamp_format = iso8601\n");
        return path;
    });

    public static bool V2Installed => File.Exists("/opt/awscli-v2/usr/bin/aws") && File.Exists("/usr/bin/python3");

    private static Dictionary<string, string?> Variables() => new()
    {
        ["AWS_CONFIG_FILE"] = Config.Value,
        ["PYTHONIOENCODING"] = "utf-8",
        ["AWS_PAGER"] = "",
    };

    /// <summary>AWS CLI v1, as our executor runs it (given --endpoint-url too: v1's sqs ignores AWS_ENDPOINT_URL).</summary>
    public Task<ProcessRunner.Result> V1Async(params string[] arguments) =>
        ProcessRunner.RunAsync("aws", ["--endpoint-url", moto.Endpoint, .. arguments], environment: Variables());

    /// <summary>AWS CLI v2, which ignores AWS_ENDPOINT_URL, so it is given --endpoint-url.</summary>
    public Task<ProcessRunner.Result> V2Async(params string[] arguments)
    {
        var environment = Variables();
        environment["PYTHONPATH"] = V2Root;
        return ProcessRunner.RunAsync("/usr/bin/python3", ["/opt/awscli-v2/usr/bin/aws", "--endpoint-url", moto.Endpoint, .. arguments], environment: environment);
    }
}
