using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Files;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>
/// File confinement, for real: every kind of local-file argument, inside the working directory (allowed, and where
/// cheap run against moto) and outside it (refused, and proven not to have run). Layout, under one temporary root:
/// <c>work/</c> (the working directory: data.txt, input.json, sub/nested.txt, tree/, link-in → data.txt,
/// link-out → ../out/secret.txt, link-dir → ../out, link-write → ../out/via-link.txt (missing), tree-out/ with a link
/// to ../out) and <c>out/</c> (secret.txt, t.yaml, …). Placeholders: {w} work, {o} out, {b} a fresh bucket that must
/// not exist afterwards, {B} an existing bucket, {k} a fresh key of {B} that must not exist afterwards, {f} a fresh
/// path in out/ that must not exist afterwards, {rf} the same path relative to work/.
/// </summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class FileConfinementTests(MotoServer moto) : IAsyncLifetime
{
    // One layout and bucket for the whole class (set up by the first test), removed when the test run ends.
    private static readonly string _root = Path.Combine(Path.GetTempPath(), "fc-" + Guid.NewGuid().ToString("N")[..10]);
    private static readonly string _bucket = "fc-" + Guid.NewGuid().ToString("N")[..12];
    private static readonly OnceAsync s_setUp = new();
    private static string Work => Path.Combine(_root, "work");
    private static string Out => Path.Combine(_root, "out");

    public Task InitializeAsync() => s_setUp.RunAsync(SetUpAsync);

    private async Task SetUpAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(_root, recursive: true);
        Directory.CreateDirectory(Path.Combine(Work, "sub"));
        Directory.CreateDirectory(Path.Combine(Work, "tree", "deeper"));
        Directory.CreateDirectory(Path.Combine(Work, "tree-out"));
        Directory.CreateDirectory(Out);
        await File.WriteAllTextAsync(Path.Combine(Work, "data.txt"), "inside data\n");
        await File.WriteAllTextAsync(Path.Combine(Work, "input.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(Work, "sub", "nested.txt"), "nested\n");
        await File.WriteAllTextAsync(Path.Combine(Work, "tree", "deeper", "a.txt"), "a\n");
        await File.WriteAllTextAsync(Path.Combine(Work, "t.yaml"), "Resources: {}\n");
        await File.WriteAllTextAsync(Path.Combine(Work, "td.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(Work, "appspec.yaml"), "version: 0.0\n");
        await File.WriteAllTextAsync(Path.Combine(Work, "key.pem"), "not a key\n");
        File.CreateSymbolicLink(Path.Combine(Work, "tree", "deeper", "inner-link"), Path.Combine(Work, "data.txt"));
        File.CreateSymbolicLink(Path.Combine(Work, "link-in"), "data.txt");
        File.CreateSymbolicLink(Path.Combine(Work, "link-out"), "../out/secret.txt");
        Directory.CreateSymbolicLink(Path.Combine(Work, "link-dir"), "../out");
        File.CreateSymbolicLink(Path.Combine(Work, "link-write"), "../out/via-link.txt");
        File.CreateSymbolicLink(Path.Combine(Work, "tree-out", "escape"), "../../out/secret.txt");
        foreach (var name in new[] { "secret.txt", "t.yaml", "td.json", "key.pem", "ca.pem" })
            await File.WriteAllTextAsync(Path.Combine(Out, name), "outside\n");
        Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + _bucket)).ExitCode);
        Assert.Equal(0, (await moto.AwsAsync("s3api", "put-object", "--bucket", _bucket, "--key", "existing", "--body", Path.Combine(Work, "data.txt"))).ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static CommandExecutor Executor() =>
        new(AwsCatalogue.Default, ExecutionPolicy.Default with { WorkingDirectory = Work }, AwsCliInstallation.Detect());

    /// <summary>(command, the argument the message must name).</summary>
    public static TheoryData<string, string> Denied => new()
    {
        // file:// and fileb:// values, anywhere
        { "aws s3api create-bucket --bucket {b} --cli-input-json file:///etc/passwd", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://{o}/secret.txt", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json=file://../out/secret.txt", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://~/input.json", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://~root/input.json", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://~nosuchuser/input.json", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json 'file://$HOME/input.json'", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json 'file://${HOME}/input.json'", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://%HOME%/input.json", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://link-out", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://link-dir/secret.txt", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json file://", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json FILE:///etc/passwd", "--cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --create-bucket-configuration fileb://{o}/secret.txt", "--create-bucket-configuration" },
        { "aws s3api create-bucket --bucket {b} --create-bucket-configuration=file://sub/../../out/secret.txt", "--create-bucket-configuration" },
        { "aws s3api put-object --bucket {B} --key {k} --tagging file://{o}/secret.txt", "--tagging" },
        { "aws s3api put-object --bucket {B} --key {k} --metadata file://link-out", "--metadata" },
        { "aws sqs create-queue --queue-name {b} --tags file://{o}/secret.txt", "--tags" },
        { "aws ec2 describe-instances --instance-ids i-1 file://{o}/secret.txt", "--instance-ids" },
        // --ca-bundle
        { "aws s3api create-bucket --bucket {b} --ca-bundle /etc/ssl/certs/ca-certificates.crt", "--ca-bundle" },
        { "aws --ca-bundle=../out/ca.pem s3api create-bucket --bucket {b}", "--ca-bundle" },
        { "aws s3api create-bucket --bucket {b} --ca-bundle ~/ca.pem", "--ca-bundle" },
        { "aws s3api create-bucket --bucket {b} --ca-bundle link-dir/ca.pem", "--ca-bundle" },
        // outfile of streaming-output operations
        { "aws s3api get-object --bucket {B} --key existing {f}", "outfile" },
        { "aws s3api get-object --bucket {B} --key existing {rf}", "outfile" },
        { "aws s3api get-object --bucket {B} --key existing link-write", "outfile" },
        { "aws s3api get-object --bucket {B} --key existing link-dir/{k}.txt", "outfile" },
        { "aws s3api get-object --bucket {B} --key existing ~/{k}.txt", "outfile" },
        { "aws s3api get-object --bucket {B} --key existing '$HOME/{k}.txt'", "outfile" },
        { "aws lambda invoke --function-name f {f}", "outfile" },
        // streaming blob inputs (plain paths)
        { "aws s3api put-object --bucket {B} --key {k} --body /etc/passwd", "--body" },
        { "aws s3api put-object --bucket {B} --key {k} --body ../out/secret.txt", "--body" },
        { "aws s3api put-object --bucket {B} --key {k} --body=link-out", "--body" },
        { "aws s3api put-object --bucket {B} --key {k} --body link-dir/secret.txt", "--body" },
        { "aws s3api put-object --bucket {B} --key {k} --body ~root/.profile", "--body" },
        { "aws s3api put-object --bucket {B} --key {k} --body '${HOME}/x'", "--body" },
        { "aws s3api upload-part --bucket {B} --key {k} --upload-id u --part-number 1 --body {o}/secret.txt", "--body" },
        { "aws glacier upload-archive --vault-name v --account-id - --body {o}/secret.txt", "--body" },
        // s3 cp/mv/sync
        { "aws s3 cp {o}/secret.txt s3://{B}/{k}", "SOURCE" },
        { "aws s3 cp ../out/secret.txt s3://{B}/{k}", "SOURCE" },
        { "aws s3 cp link-out s3://{B}/{k}", "SOURCE" },
        { "aws s3 cp link-dir/secret.txt s3://{B}/{k}", "SOURCE" },
        { "aws s3 cp ~/.bashrc s3://{B}/{k}", "SOURCE" },
        { "aws s3 cp '$HOME/.bashrc' s3://{B}/{k}", "SOURCE" },
        { "aws s3 cp - s3://{B}/{k}", "standard input" },
        { "aws s3 cp s3://{B}/existing {f}", "DESTINATION" },
        { "aws s3 cp s3://{B}/existing {rf}", "DESTINATION" },
        { "aws s3 cp s3://{B}/existing link-write", "DESTINATION" },
        { "aws s3 cp s3://{B}/existing link-dir/{k}.txt", "DESTINATION" },
        { "aws s3 mv {o}/secret.txt s3://{B}/{k}", "SOURCE" },
        { "aws s3 sync {o} s3://{B}/{k}/", "SOURCE" },
        { "aws s3 sync tree-out s3://{B}/{k}/", "symbolic link" },
        { "aws s3 cp tree-out s3://{B}/{k}/ --recursive", "symbolic link" },
        { "aws s3 sync s3://{B}/ {f}", "DESTINATION" },
        { "aws s3 cp --recursive s3://{B}/ link-dir", "DESTINATION" },
        // other customizations
        { "aws cloudformation package --template-file {o}/t.yaml --s3-bucket {B}", "--template-file" },
        { "aws cloudformation package --template-file t.yaml --s3-bucket {B} --output-template-file {f}", "--output-template-file" },
        { "aws cloudformation deploy --template-file ../out/t.yaml --stack-name {b}", "--template-file" },
        { "aws ec2 get-password-data --instance-id i-1 --priv-launch-key {o}/key.pem", "--priv-launch-key" },
        { "aws ec2 get-password-data --instance-id i-1 --priv-launch-key ~/.ssh/id_rsa", "--priv-launch-key" },
        { "aws deploy push --application-name a --s3-location s3://{B}/{k}.zip --source {o}", "--source" },
        { "aws deploy push --application-name a --s3-location s3://{B}/{k}.zip --source tree-out", "symbolic link" },
        { "aws gamelift upload-build --name n --build-version 1 --build-root {o}", "--build-root" },
        { "aws gamelift get-game-session-log --game-session-id g --save-as {f}", "--save-as" },
        { "aws ecs deploy --service s --task-definition {o}/td.json --codedeploy-appspec appspec.yaml", "--task-definition" },
        { "aws ecs deploy --service s --task-definition td.json --codedeploy-appspec ~/appspec.yaml", "--codedeploy-appspec" },
        { "aws iam create-virtual-mfa-device --virtual-mfa-device-name {b} --outfile {f} --bootstrap-method QRCodePNG", "--outfile" },
        { "aws iot create-keys-and-certificate --certificate-pem-outfile {f}", "--certificate-pem-outfile" },
        { "aws iot create-keys-and-certificate --private-key-outfile ../out/{k}.key", "--private-key-outfile" },
    };

    [Theory]
    [MemberData(nameof(Denied))]
    public async Task Is_denied_and_nothing_runs(string template, string argument)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var (bucket, key, file) = ("fcd-" + id, "k-" + id, Path.Combine(Out, "new-" + id));
        var command = Fill(template).Replace("{b}", bucket).Replace("{k}", key).Replace("{rf}", "../out/new-" + id).Replace("{f}", file);

        var result = await Executor().ExecuteAsync(command);

        Assert.True(result.Status == ExecutionStatus.Rejected, result.ToText());
        Assert.Equal(RejectionKind.Denied, result.Rejection!.Kind);
        Assert.Contains(argument, result.Rejection.Message);
        Assert.Contains(Work, result.Rejection.Message);
        Assert.Contains("nothing was run", result.ToText());
        Assert.False(File.Exists(file) || Directory.Exists(file), $"{file} was created");
        Assert.False(File.Exists(Path.Combine(Out, "via-link.txt")), "written through link-write");
        Assert.Equal(new[] { "ca.pem", "key.pem", "secret.txt", "t.yaml", "td.json" }, Directory.GetFileSystemEntries(Out).Select(Path.GetFileName).Order());
        if (template.Contains("{b}"))
            Assert.False(await moto.BucketExistsAsync(bucket), $"bucket {bucket} was created");
        if (template.Contains("{k}"))
            Assert.DoesNotContain(key, (await moto.AwsAsync("s3api", "list-objects-v2", "--bucket", _bucket, "--query", "Contents[].Key", "--output", "text")).Stdout);
    }

    /// <summary>Accepted by validation (the command may still fail at AWS); nothing is run.</summary>
    public static TheoryData<string> Allowed => new()
    {
        "aws s3api create-bucket --bucket b --cli-input-json file://input.json",
        "aws s3api create-bucket --bucket b --cli-input-json file://{w}/input.json",
        "aws s3api create-bucket --bucket b --cli-input-json=file://sub/nested.txt",
        "aws s3api create-bucket --bucket b --cli-input-json file://./sub/../input.json",
        "aws s3api create-bucket --bucket b --cli-input-json file://link-in",
        "aws s3api create-bucket --cli-input-json '{\"Bucket\": \"b\"}'",
        "aws s3api put-object --bucket b --key k --tagging fileb://sub/nested.txt",
        "aws s3api put-object --bucket b --key k --tagging 'a=b'",
        "aws s3api create-bucket --bucket b --ca-bundle ca.pem",
        "aws --ca-bundle={w}/sub/ca.pem s3api create-bucket --bucket b",
        "aws s3api get-object --bucket b --key k out.txt",
        "aws s3api get-object --bucket b --key k {w}/sub/out.txt",
        "aws s3api get-object --bucket b --key k new-dir/out.txt",
        "aws s3api get-object --bucket b --key k -",
        "aws lambda invoke --function-name f result.json",
        "aws s3api put-object --bucket b --key k --body data.txt",
        "aws s3api put-object --bucket b --key k --body {w}/sub/nested.txt",
        "aws s3api put-object --bucket b --key k --body link-in",
        "aws s3api upload-part --bucket b --key k --upload-id u --part-number 1 --body sub/nested.txt",
        "aws s3 cp data.txt s3://b/k",
        "aws s3 cp s3://b/k -",
        "aws s3 cp s3://b/k ./sub/",
        "aws s3 cp s3://b/k {w}/sub/copy.txt",
        "aws s3 sync tree s3://b/tree/",
        "aws s3 sync s3://b/tree/ restored",
        "aws s3 mv sub/nested.txt s3://b/k",
        "aws s3 cp sub s3://b/sub/ --recursive",
        "aws cloudformation package --template-file t.yaml --s3-bucket b --output-template-file packaged.yaml",
        "aws cloudformation deploy --template-file {w}/t.yaml --stack-name s",
        "aws ec2 get-password-data --instance-id i-1 --priv-launch-key key.pem",
        "aws deploy push --application-name a --s3-location s3://b/a.zip --source tree",
        "aws gamelift upload-build --name n --build-version 1 --build-root tree",
        "aws ecs deploy --service s --task-definition td.json --codedeploy-appspec appspec.yaml",
        "aws iam create-virtual-mfa-device --virtual-mfa-device-name m --outfile sub/qr.png --bootstrap-method QRCodePNG",
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Is_allowed_inside_the_working_directory(string template)
    {
        var validator = new CommandValidator(AwsCatalogue.Default, ExecutionPolicy.Default with { WorkingDirectory = Work });
        var (command, rejection) = validator.Validate(Fill(template), 300);
        Assert.True(command is not null, rejection?.ToString());
    }

    [Fact]
    public void The_tables_are_large_enough()
    {
        Assert.True(Denied.Count + Allowed.Count >= 60);
    }

    [Fact]
    public async Task S3_cp_round_trip_inside_the_working_directory()
    {
        var executor = Executor();
        var up = await executor.ExecuteAsync($"aws s3 cp data.txt s3://{_bucket}/round/data.txt");
        Assert.True(up.Status == ExecutionStatus.Success, up.ToText());
        var down = await executor.ExecuteAsync($"aws s3 cp s3://{_bucket}/round/data.txt sub/copy.txt");
        Assert.True(down.Status == ExecutionStatus.Success, down.ToText());
        Assert.Equal("inside data\n", await File.ReadAllTextAsync(Path.Combine(Work, "sub", "copy.txt")));
    }

    [Fact]
    public async Task Put_object_body_and_get_object_outfile_run_relative_to_the_working_directory()
    {
        var executor = Executor();
        var put = await executor.ExecuteAsync($"aws s3api put-object --bucket {_bucket} --key body.txt --body sub/nested.txt");
        Assert.True(put.Status == ExecutionStatus.Success, put.ToText());
        var get = await executor.ExecuteAsync($"aws s3api get-object --bucket {_bucket} --key body.txt fetched.txt");
        Assert.True(get.Status == ExecutionStatus.Success, get.ToText());
        Assert.Equal("nested\n", await File.ReadAllTextAsync(Path.Combine(Work, "fetched.txt")));
    }

    [Fact]
    public async Task Cli_input_json_from_a_file_in_the_working_directory_runs()
    {
        var bucket = "fc-json-" + Guid.NewGuid().ToString("N")[..10];
        await File.WriteAllTextAsync(Path.Combine(Work, "sub", "create.json"), $"{{\"Bucket\": \"{bucket}\"}}");
        var result = await Executor().ExecuteAsync("aws s3api create-bucket --cli-input-json file://sub/create.json");
        Assert.True(result.Status == ExecutionStatus.Success, result.ToText());
        Assert.True(await moto.BucketExistsAsync(bucket));
    }

    [Fact]
    public async Task S3_sync_of_a_tree_with_an_inside_symlink_runs()
    {
        var result = await Executor().ExecuteAsync($"aws s3 sync tree s3://{_bucket}/tree/");
        Assert.True(result.Status == ExecutionStatus.Success, result.ToText());
        var keys = (await moto.AwsAsync("s3api", "list-objects-v2", "--bucket", _bucket, "--prefix", "tree/", "--query", "Contents[].Key", "--output", "text")).Stdout;
        Assert.Contains("tree/deeper/a.txt", keys);
        Assert.Contains("tree/deeper/inner-link", keys);
    }

    [Fact]
    public void The_default_working_directory_is_private_and_temporary()
    {
        if (OperatingSystem.IsWindows())
            return;
        var directory = WorkingDirectory.For(null);
        Assert.Same(directory, WorkingDirectory.For(null));
        Assert.True(Directory.Exists(directory.Path));
        Assert.StartsWith("awsmcp-", Path.GetFileName(directory.Path));
        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()).TrimEnd('/'), directory.Path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory.Path));
    }

    [Fact]
    public void A_missing_configured_directory_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => WorkingDirectory.Open(Path.Combine(_root, "missing")));
        Assert.Throws<DirectoryNotFoundException>(() => WorkingDirectory.Open(Path.Combine(Work, "data.txt")));
    }

    [Fact]
    public void A_symlinked_working_directory_is_compared_by_its_real_path()
    {
        var alias = Path.Combine(_root, "alias-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateSymbolicLink(alias, Work);
        var validator = new CommandValidator(AwsCatalogue.Default, ExecutionPolicy.Default with { WorkingDirectory = alias });
        Assert.NotNull(validator.Validate($"aws s3api put-object --bucket b --key k --body {alias}/data.txt", 300).Command);
        Assert.NotNull(validator.Validate($"aws s3api put-object --bucket b --key k --body {Work}/data.txt", 300).Command);
        Assert.NotNull(validator.Validate("aws s3api put-object --bucket b --key k --body data.txt", 300).Command);
        Assert.NotNull(validator.Validate($"aws s3api put-object --bucket b --key k --body {Out}/secret.txt", 300).Rejection);
    }

    /// <summary>The list of streaming blob inputs is botocore's: derived again from the botocore the CLI uses.</summary>
    [Fact]
    public async Task The_streaming_blob_list_matches_the_installed_botocore()
    {
        const string script = """
            import botocore.session
            s = botocore.session.get_session()
            for svc in s.get_available_services():
                m = s.get_service_model(svc)
                for name in m.operation_names:
                    shape = m.operation_model(name).input_shape
                    for member, model in (shape.members.items() if shape else []):
                        if model.type_name == 'blob' and model.serialization.get('streaming'):
                            print(f"{svc}/{name}/{member}")
            """;
        var result = await ProcessRunner.RunAsync("python3", ["-c", script]);
        Assert.Equal(0, result.ExitCode);
        var expected = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
        var covered = new List<string>();
        foreach (var entry in expected)
        {
            var parts = entry.Split('/');
            var service = AwsCatalogue.Default.ServiceNames.Select(AwsCatalogue.Default.FindService).FirstOrDefault(s => s is not null && s.BotocoreName == parts[0] && s.AliasOf is null);
            if (service is null)
                continue; // not exposed by the CLI
            var command = service.Commands.FirstOrDefault(c => c.Operation == parts[1] && c.Kind == CommandKind.Operation);
            var argument = command?.Arguments.FirstOrDefault(a => a.Member == parts[2]);
            if (argument is null)
                continue;
            var invocation = new AwsInvocation(service, command, new ParsedArguments([new ParsedOption(argument, ["/etc/passwd"])], []), "json", null, null, null, null);
            var rejection = new FileConfinement(WorkingDirectory.Open(Work)).Check(invocation, AwsCatalogue.Default.GetDetail(service));
            Assert.True(rejection is not null, $"{entry} ({service.Name} {command!.Name} {argument.Name}) is not confined");
            covered.Add(entry);
        }
        Assert.Contains("s3/PutObject/Body", covered);
        Assert.True(covered.Count >= 10, string.Join(", ", covered));
    }

    [Theory]
    [InlineData("file://a\0b")]
    [InlineData("fileb://")]
    public void Nul_and_empty_paths_are_denied(string value)
    {
        var service = AwsCatalogue.Default.FindService("s3api")!;
        var command = service.Commands.First(c => c.Name == "create-bucket");
        var options = new[] { ("--bucket", "b"), ("--cli-input-json", value) }
            .Select(o => new ParsedOption(command.Arguments.First(a => a.Name == o.Item1), [o.Item2])).ToList();
        var invocation = new AwsInvocation(service, command, new ParsedArguments(options, []), "json", null, null, null, null);
        var rejection = new FileConfinement(WorkingDirectory.Open(Work)).Check(invocation, AwsCatalogue.Default.GetDetail(service));
        Assert.Equal(RejectionKind.Denied, rejection?.Kind);
        Assert.Contains("--cli-input-json", rejection!.Message);
    }

    private static string Fill(string template) => template.Replace("{w}", Work).Replace("{o}", Out).Replace("{B}", _bucket);
}
