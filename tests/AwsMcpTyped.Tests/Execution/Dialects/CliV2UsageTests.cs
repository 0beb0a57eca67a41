using System.IO.Compression;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Dialects;

/// <summary>
/// What a v2 user writes, through execute_command on the real AWS CLI v2 against moto: YAML output, blobs in the raw
/// form, the pager and prompt switches, ddb, logs tail, configure list-profiles, YAML input. Interactive sign-ins are
/// refused with the policy's reason; v1-only commands get the version message. The same lines on v1 say v2 is needed.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CliV2UsageTests(MotoServer moto) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cliv2-usage-").FullName;

    private CommandExecutor Executor(AwsCliInstallation cli)
    {
        var config = Path.Combine(_work, "config");
        File.WriteAllText(config, "[default]\nregion = us-east-1\n[profile staging]\nregion = eu-west-1\n");
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = config, ["AWS_SHARED_CREDENTIALS_FILE"] = config + ".absent", ["AWS_ENDPOINT_URL"] = moto.Endpoint,
        };
        var safety = PolicyEnvironment.Read(name => name == PolicyEnvironment.ConsentVariable ? "off" : null);
        return new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { Safety = safety, WorkingDirectory = _work }, cli, awsEnvironment: environment);
    }

    private async Task<string> RunAsync(CommandExecutor executor, string line)
    {
        var result = await executor.ExecuteAsync(line + $" --endpoint-url {moto.Endpoint}", new ExecuteOptions { TimeoutSeconds = 120 });
        Assert.True(result.Status == ExecutionStatus.Success, $"{line}\n{result.ToText()}");
        return result.Output;
    }

    [Fact]
    public async Task V2_usages_run_against_moto()
    {
        var v2 = Executor(new AwsCliInstallation(AwsCliV2.Executable));
        Assert.Equal(CliDialects.V2, (await v2.CatalogueAsync()).Dialect);

        Assert.StartsWith("Account: '123456789012'", await RunAsync(v2, "aws sts get-caller-identity --output yaml"));
        Assert.StartsWith("- Account: '123456789012'", await RunAsync(v2, "aws sts get-caller-identity --output yaml-stream"));
        Assert.Contains("\"Buckets\"", await RunAsync(v2, "aws s3api list-buckets --no-cli-pager --no-cli-auto-prompt"));

        // an inline JSON payload needs raw-in-base64-out on v2 (moto accepts the call; it cannot run the code without docker)
        await RunAsync(v2, "aws iam create-role --role-name v2-usage --assume-role-policy-document {}");
        using (var zip = ZipFile.Open(Path.Combine(_work, "f.zip"), ZipArchiveMode.Create))
            zip.CreateEntry("h.py");
        await RunAsync(v2, "aws lambda create-function --function-name v2-usage --runtime python3.11 --handler h.h --zip-file fileb://f.zip " +
                           "--role arn:aws:iam::123456789012:role/v2-usage");
        Assert.Contains("\"StatusCode\": 200", await RunAsync(v2, "aws lambda invoke --function-name v2-usage --payload '{\"a\":1}' --cli-binary-format raw-in-base64-out out.json"));
        var base64Only = await v2.ExecuteAsync($"aws lambda invoke --function-name v2-usage --payload '{{\"a\":1}}' out.json --endpoint-url {moto.Endpoint}");
        // v2 stops with "Invalid base64" before calling; the validator refuses it first, saying why.
        Assert.Contains("Command rejected (InvalidArgument)", base64Only.ToText());
        Assert.Contains("reads blob text as base64", base64Only.ToText());

        await RunAsync(v2, "aws dynamodb create-table --table-name v2-usage --attribute-definitions AttributeName=id,AttributeType=S " +
                           "--key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST");
        await RunAsync(v2, "aws ddb put v2-usage '{id: \"k1\", size: 3}'");
        Assert.Contains("k1", await RunAsync(v2, "aws ddb select v2-usage"));
        Assert.Contains("k1", await RunAsync(v2, "aws dynamodb scan --cli-input-yaml 'TableName: v2-usage'"));

        await RunAsync(v2, "aws logs create-log-group --log-group-name /v2/usage");
        await RunAsync(v2, "aws logs create-log-stream --log-group-name /v2/usage --log-stream-name s");
        await RunAsync(v2, $"aws logs put-log-events --log-group-name /v2/usage --log-stream-name s --log-events timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()},message=hello-tail");
        Assert.Contains("hello-tail", await RunAsync(v2, "aws logs tail /v2/usage --since 1h"));

        var profiles = await RunAsync(v2, "aws configure list-profiles");
        Assert.Equal(["default", "staging"], profiles.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());

        var login = await v2.ExecuteAsync("aws sso login --profile staging");
        Assert.Equal(ExecutionStatus.Rejected, login.Status);
        Assert.Contains("in your terminal", login.Rejection!.Message);
        var getLogin = await v2.ExecuteAsync("aws ecr get-login");
        Assert.Contains("removed in AWS CLI v2", getLogin.Rejection!.Message);
        Assert.Contains("get-login-password", getLogin.Rejection.Message);
    }

    [Fact]
    public async Task V2_lines_on_v1_say_that_v2_is_needed()
    {
        var v1 = Executor(AwsCliV1.Installation);
        Assert.Equal(CliDialects.V1, (await v1.CatalogueAsync()).Dialect);
        foreach (var (line, says) in new[]
        {
            ("aws logs tail /v2/usage", "'aws logs tail' needs AWS CLI v2"),
            ("aws ddb select t", "'aws ddb' needs AWS CLI v2"),
            ("aws s3api list-buckets --no-cli-pager", "--no-cli-pager needs AWS CLI v2"),
        })
        {
            var result = await v1.ExecuteAsync(line);
            Assert.Equal(ExecutionStatus.Rejected, result.Status);
            Assert.Contains(says, result.Rejection!.Message);
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
