using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Sandbox;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Sandbox;

/// <summary>
/// The aws stage, with no argument checks (the runner is called directly), against a real moto_server: every way the
/// CLI reads or writes a local file outside the working directory really does so uncontained (the control), and
/// fails at the kernel when contained, so a path form our checks miss (shorthand <c>@=</c>, a template's CodeUri,
/// whatever a new CLI version adds) cannot succeed. The same commands inside the working directory still work.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AwsStageContainmentTests(MotoServer moto)
{
    private readonly string _bucket = "lab-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A CLI command that touches a path outside the working directory, and how to see that it did.</summary>
    public sealed record AwsEscape(string Name, string[] Arguments, bool WritesLocalFile = false);

    public static IReadOnlyList<AwsEscape> All { get; } =
    [
        new("s3-cp-upload", ["s3", "cp", "{SECRET}", "s3://{BUCKET}/{NAME}"]),
        new("s3-sync-upload", ["s3", "sync", "{SECRETDIR}", "s3://{BUCKET}/{NAME}/"]),
        new("put-object-body", ["s3api", "put-object", "--bucket", "{BUCKET}", "--key", "{NAME}", "--body", "{SECRET}"]),
        new("file-uri-parameter", ["s3api", "put-object", "--bucket", "{BUCKET}", "--key", "{NAME}", "--content-type", "file://{SECRET}"]),
        new("shorthand-at-file", ["s3api", "put-object", "--bucket", "{BUCKET}", "--key", "{NAME}", "--metadata", "leak@=file://{SECRET}"]),
        new("cli-input-json", ["s3api", "put-object", "--cli-input-json", "file://{SECRETDIR}/input.json"]), // puts key cli-input-json holding the secret as metadata
        new("cloudformation-package-codeuri", ["cloudformation", "package", "--template-file", "{WORK}/template.yaml", "--s3-bucket", "{BUCKET}", "--s3-prefix", "{NAME}"]),
        new("s3-cp-download", ["s3", "cp", "s3://{BUCKET}/seed", "{OUT}/{NAME}"], WritesLocalFile: true),
        new("get-object-outfile", ["s3api", "get-object", "--bucket", "{BUCKET}", "--key", "seed", "{OUT}/{NAME}"], WritesLocalFile: true),
    ];

    public static TheoryData<string> Names => new(All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Control_the_cli_reaches_outside_uncontained(string name)
    {
        using var lab = await PrepareAsync();
        var escape = All.Single(e => e.Name == name);
        var stderr = await RunAsync(lab, escape, new StageSandbox.Uncontained("the control run"));
        Assert.True(await EscapedAsync(lab, escape, stderr), $"{name} did not reach outside even uncontained, so it proves nothing:\n{stderr}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_kernel_stops_it_without_the_checks(string name)
    {
        using var lab = await PrepareAsync();
        var escape = All.Single(e => e.Name == name);
        var stderr = await RunAsync(lab, escape, StageSandbox.Default);
        Assert.False(await EscapedAsync(lab, escape, stderr), $"{name} reached outside the working directory:\n{stderr}");
        if (escape.Name != "cloudformation-package-codeuri") // the CLI zips what it may list: nothing (an empty zip)
            Assert.Matches("Permission denied|not readable|Errno 13|PermissionError|Operation not permitted", stderr);
    }

    [Fact]
    public async Task Inside_the_working_directory_the_cli_reads_and_writes()
    {
        using var lab = await PrepareAsync();
        File.WriteAllText(Path.Combine(lab.WorkingDirectory, "up.txt"), "inside");
        var runner = new ProcessPipelineRunner(AwsPath, StageSandbox.Default);
        foreach (var arguments in new[] { new[] { "s3", "cp", "up.txt", $"s3://{_bucket}/up.txt" }, ["s3", "cp", $"s3://{_bucket}/up.txt", "down.txt"] })
        {
            var outcome = await runner.RunAsync(Request(lab, arguments), default);
            Assert.True(outcome.Stages[0].ExitCode == 0, outcome.Stages[0].Stderr);
        }
        Assert.Equal("inside", File.ReadAllText(Path.Combine(lab.WorkingDirectory, "down.txt")));
    }

    private static string AwsPath => AwsCliV1.Executable; // the escapes use v1's features (@= shorthand, package uploads through AWS_ENDPOINT_URL)

    private async Task<EscapeLab> PrepareAsync()
    {
        var lab = new EscapeLab();
        File.WriteAllText(Path.Combine(lab.SecretDirectory, "input.json"), $"{{\"Bucket\": \"{_bucket}\", \"Key\": \"cli-input-json\", \"Metadata\": {{\"s\": \"{lab.Secret}\"}}}}");
        File.WriteAllText(Path.Combine(lab.WorkingDirectory, "template.yaml"),
            $"Transform: AWS::Serverless-2016-10-31\nResources:\n  Leak:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: {lab.SecretDirectory}\n      Handler: x.handler\n      Runtime: python3.12\n");
        if (!await moto.BucketExistsAsync(_bucket))
        {
            Assert.Equal(0, (await moto.AwsAsync("s3", "mb", $"s3://{_bucket}")).ExitCode);
            Assert.Equal(0, (await moto.AwsAsync("s3api", "put-object", "--bucket", _bucket, "--key", "seed", "--content-type", "text/plain")).ExitCode);
        }
        return lab;
    }

    private async Task<string> RunAsync(EscapeLab lab, AwsEscape escape, StageSandbox sandbox)
    {
        var runner = new ProcessPipelineRunner(AwsPath, sandbox);
        var arguments = escape.Arguments.Select(a => Fill(lab, a, escape)).ToArray();
        var outcome = await runner.RunAsync(Request(lab, arguments), default);
        return $"exit {outcome.Stages[0].ExitCode}: {outcome.Stages[0].Stderr}{outcome.Output}";
    }

    /// <summary>The secret came back, or reached S3: in an object's body (inside a zip for package), its metadata or its
    /// content type; or the CLI wrote a local file outside the working directory. Objects found are removed.</summary>
    private async Task<bool> EscapedAsync(EscapeLab lab, AwsEscape escape, string returned)
    {
        if (escape.WritesLocalFile)
            return File.Exists(Path.Combine(lab.Out, escape.Name));
        var leaked = returned.Contains(lab.Secret, StringComparison.Ordinal);
        var listing = await moto.AwsAsync("s3api", "list-objects-v2", "--bucket", _bucket, "--prefix", escape.Name, "--query", "Contents[].Key", "--output", "text");
        foreach (var key in listing.Stdout.Split(['\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(k => k != "None"))
        {
            var body = Path.Combine(lab.Root, "object");
            var head = await moto.AwsAsync("s3api", "get-object", "--bucket", _bucket, "--key", key, body);
            leaked |= head.Stdout.Contains(lab.Secret, StringComparison.Ordinal) || ObjectText(body).Contains(lab.Secret, StringComparison.Ordinal);
            await moto.AwsAsync("s3api", "delete-object", "--bucket", _bucket, "--key", key); // the next run starts clean
        }
        return leaked;
    }

    private static string ObjectText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes is not [(byte)'P', (byte)'K', ..])
            return System.Text.Encoding.UTF8.GetString(bytes);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Select(entry => new StreamReader(entry.Open()).ReadToEnd()));
    }

    private string Fill(EscapeLab lab, string text, AwsEscape escape) => text
        .Replace("{BUCKET}", _bucket, StringComparison.Ordinal).Replace("{WORK}", lab.WorkingDirectory, StringComparison.Ordinal)
        .Replace("{SECRETDIR}", lab.SecretDirectory, StringComparison.Ordinal).Replace("{SECRET}", lab.SecretFile, StringComparison.Ordinal)
        .Replace("{OUT}", lab.Out, StringComparison.Ordinal).Replace("{NAME}", escape.Name, StringComparison.Ordinal);

    private static PipelineRequest Request(EscapeLab lab, string[] arguments) =>
        new([new StageLaunch("aws", arguments, true)], new Dictionary<string, string?>(), TimeSpan.FromSeconds(60), 100_000, lab.WorkingDirectory);
}
