using System.IO.Compression;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Describe;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Dialects;

/// <summary>
/// The catalogue in step with the installed CLI: a model the CLI loads and the built catalogue lacks (added with the real
/// <c>aws configure add-model</c>, or shipped by a newer CLI) is validated, described, classified and run against moto;
/// a command an older CLI lacks (the real Debian v2 2.9.19) is refused with the versions and the way out.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class InstalledModelsTests(MotoServer moto) : IDisposable
{
    private const string V2PythonPath = "/opt/awscli-v2/usr/lib/python3/dist-packages";
    private readonly string _work = Directory.CreateTempSubdirectory("installed-models-").FullName;

    [Fact]
    public async Task A_model_added_with_configure_add_model_is_validated_described_and_run()
    {
        // lambda with one operation more: ListFunctionsPreview, the same GET /functions/ call as ListFunctions.
        var home = Path.Combine(_work, "home");
        Directory.CreateDirectory(home);
        var modelFile = Path.Combine(_work, "lambda.json");
        File.WriteAllText(modelFile, LambdaWith("ListFunctionsPreview", "ListFunctions").ToJsonString());
        var added = await ProcessRunner.RunAsync("aws", ["configure", "add-model", "--service-model", "file://" + modelFile, "--service-name", "lambda"],
            environment: new Dictionary<string, string?> { ["HOME"] = home });
        Assert.True(added.ExitCode == 0, added.Stderr);
        var models = Path.Combine(home, ".aws", "models");
        Assert.True(File.Exists(Path.Combine(models, "lambda", "2015-03-31", "service-2.json")));

        var executor = Executor(AwsCliV1.Installation, new() { ["AWS_DATA_PATH"] = models });
        var view = await executor.CatalogueAsync();
        Assert.Null(AwsCatalogue.Default.ForDialect(CliDialects.V1).FindCommand("lambda", "list-functions-preview"));
        var lambda = view.FindService("lambda")!;
        var preview = view.FindCommand("lambda", "list-functions-preview")!;
        Assert.Equal(CommandOrigin.InstalledModels, view.Origin(lambda, preview));
        Assert.Equal(CommandOrigin.Catalogue, view.Origin(lambda, view.FindCommand("lambda", "list-functions")));
        Assert.Equal(AccessClass.Read, preview.Access); // not in the IAM reference: the verb decides
        Assert.Equal(["lambda:ListFunctionsPreview"], preview.Actions);
        Assert.Contains(lambda.Commands, c => c.Name == "invoke"); // the built customizations and commands stay

        var page = new CommandDescriber(view).Describe("lambda", "list-functions-preview");
        Assert.False(page.IsError, page.Text);
        Assert.Contains("comes from the models your AWS CLI 1.45.11 loads", page.Text);
        Assert.Contains("--function-version", page.Text);

        await RunAsync(executor, "aws iam create-role --role-name added-model --assume-role-policy-document {}");
        using (var zip = ZipFile.Open(Path.Combine(_work, "f.zip"), ZipArchiveMode.Create))
            zip.CreateEntry("h.py");
        await RunAsync(executor, "aws lambda create-function --function-name added-model --runtime python3.11 --handler h.h --zip-file fileb://f.zip " +
                                 "--role arn:aws:iam::123456789012:role/added-model");
        Assert.Contains("added-model", await RunAsync(executor, "aws lambda list-functions-preview --max-items 10"));
        var unknown = await executor.ExecuteAsync("aws lambda list-functions-preview --no-such-option 1");
        Assert.Equal(ExecutionStatus.Rejected, unknown.Status);
        Assert.Contains("--no-such-option", unknown.Rejection!.Message);
    }

    [Fact]
    public async Task A_newer_cli_brings_services_and_operations_the_catalogue_lacks()
    {
        // The official installer's layout, version 2.99.0, its data folder holding lambda with a destructive extra
        // operation and a service the catalogue does not know; it runs the real v2 with that folder first on its path.
        var dist = Path.Combine(_work, "aws-cli", "v2", "2.99.0", "dist");
        var data = Path.Combine(dist, "awscli", "botocore", "data");
        var lambda = LambdaWith("PurgeFunctionsPreview", "ListFunctions");
        // a model may name a delete as a read: its HTTP method decides where the IAM reference is silent
        lambda["operations"]!["ListFunctionsAndDelete"] = lambda["operations"]!["DeleteFunction"]!.DeepClone();
        WriteModel(data, "lambda", lambda);
        var preview = LambdaWith("ListFunctionsPreview", "ListFunctions");
        preview["metadata"]!["serviceFullName"] = "AWS Lambda Preview";
        WriteModel(data, "lambda-preview", preview);
        var aws = Path.Combine(dist, "aws");
        File.WriteAllText(aws, $"#!/bin/sh\nAWS_DATA_PATH={data} PYTHONPATH={V2PythonPath} exec /usr/bin/python3 /opt/awscli-v2/usr/bin/aws \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _ = AwsCliV2.Executable; // asserts the real v2 is installed

        var executor = Executor(new AwsCliInstallation(aws), []);
        var view = await executor.CatalogueAsync();
        Assert.Equal(CliDialects.V2, view.Dialect);
        Assert.Contains("lambda-preview", view.ServiceNames);
        Assert.DoesNotContain("lambda-preview", AwsCatalogue.Default.ServiceNames);
        var purge = view.FindCommand("lambda", "purge-functions-preview")!;
        Assert.Equal(AccessClass.Destructive, purge.Access); // a write whose verb destroys
        Assert.Contains("--cli-input-yaml", purge.Arguments.Select(a => a.Name)); // v2's rule f
        Assert.Equal(AccessClass.Destructive, view.FindCommand("lambda", "list-functions-and-delete")!.Access);

        var service = new CommandDescriber(view).Describe("lambda-preview");
        Assert.Contains("list-functions-preview", service.Text);
        Assert.Contains("AWS Lambda Preview", service.Text);
        var described = new CommandDescriber(view).Describe("lambda-preview", "list-functions-preview");
        Assert.Contains("AWS CLI 2.99.0", described.Text);

        var listed = await RunAsync(executor, $"aws lambda-preview list-functions-preview --endpoint-url {moto.Endpoint}");
        Assert.Contains("\"Functions\"", listed);
        var readOnly = Executor(new AwsCliInstallation(aws), [], readOnly: true);
        var refused = await readOnly.ExecuteAsync($"aws lambda purge-functions-preview --endpoint-url {moto.Endpoint}");
        Assert.Equal(ExecutionStatus.Rejected, refused.Status);
        Assert.Contains("read-only", refused.ToText(), StringComparison.OrdinalIgnoreCase);

        // What this CLI's data folder lacks, it lacks: the server says so instead of letting the CLI print its usage.
        var missing = await executor.ExecuteAsync("aws sqs list-queues");
        Assert.Contains("'aws sqs' is not in your AWS CLI 2.99.0", missing.Rejection!.Message);
        Assert.Contains("withdrew", missing.Rejection.Message);
    }

    [Fact]
    public async Task An_older_cli_missing_command_is_reported_with_both_versions()
    {
        // Debian's v2 2.9.19 as installed: its Python script, its package folder on the interpreter's path.
        var executor = Executor(new AwsCliInstallation("/opt/awscli-v2/usr/bin/aws"), new() { ["PYTHONPATH"] = V2PythonPath });
        var view = await executor.CatalogueAsync();
        Assert.Equal(new Version(2, 9, 19), view.InstalledCli!.CliVersion);

        var command = await executor.ExecuteAsync("aws s3api list-directory-buckets");
        Assert.Equal(ExecutionStatus.Rejected, command.Status);
        Assert.Contains("'aws s3api list-directory-buckets' is not in your AWS CLI 2.9.19", command.Rejection!.Message);
        Assert.Contains($"AWS CLI {AwsCatalogue.CliVersion(CliDialects.V2)}", command.Rejection.Message);
        Assert.Contains("Upgrade the AWS CLI", command.Rejection.Message);
        var service = await executor.ExecuteAsync("aws bedrock list-foundation-models");
        Assert.Contains("'aws bedrock' is not in your AWS CLI 2.9.19", service.Rejection!.Message);
        Assert.True(new CommandDescriber(view).Describe("s3api", "list-directory-buckets").IsError);

        // What it has still runs, and the customizations stay.
        Assert.Contains("Buckets", await RunAsync(executor, $"aws s3api list-buckets --endpoint-url {moto.Endpoint}"));
        Assert.NotNull(view.FindCommand("s3", "ls"));
    }

    private static JsonObject LambdaWith(string operation, string copyOf)
    {
        using var file = File.OpenRead(RepoPaths.Combine("botocore-data", "lambda", "2015-03-31", "service-2.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var model = JsonNode.Parse(gzip)!.AsObject();
        var copy = model["operations"]![copyOf]!.DeepClone().AsObject();
        copy["name"] = operation;
        model["operations"]![operation] = copy;
        return model;
    }

    private static void WriteModel(string data, string service, JsonObject model)
    {
        var folder = Path.Combine(data, service, "2015-03-31");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "service-2.json"), model.ToJsonString());
    }

    private CommandExecutor Executor(AwsCliInstallation cli, Dictionary<string, string?> extra, bool readOnly = false)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = Path.Combine(_work, "absent"), ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_work, "absent"),
            ["AWS_ENDPOINT_URL"] = moto.Endpoint,
        };
        foreach (var (name, value) in extra)
            environment[name] = value;
        var safety = PolicyEnvironment.Read(name => name switch
        {
            PolicyEnvironment.ConsentVariable => "off",
            _ => null,
        }) with { ReadOnly = readOnly };
        return new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { Safety = safety, WorkingDirectory = _work }, cli, awsEnvironment: environment);
    }

    private static async Task<string> RunAsync(CommandExecutor executor, string line)
    {
        var result = await executor.ExecuteAsync(line, new ExecuteOptions { TimeoutSeconds = 120 });
        Assert.True(result.Status == ExecutionStatus.Success, $"{line}\n{result.ToText()}");
        return result.Output;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
