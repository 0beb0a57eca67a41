using System.Net;
using System.Net.Sockets;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>
/// What the CLI reads beyond the plain path arguments: shorthand <c>key@=file://…</c> values, http(s) values AWS CLI
/// v1 fetches, and the artifacts a <c>cloudformation package</c> template names. Layout under one temporary root:
/// <c>work/</c> (the working directory: tag.txt, sh-in.txt and sh-out.txt with shorthand inside, cfn/ templates,
/// code/) and <c>out/</c> (secret.txt, code/, evil.yaml). Placeholders: {w} work, {o} out, {B} an existing bucket,
/// {b} a fresh bucket that must not exist afterwards, {u} a URL of a local listener that must see no connection.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class FileConfinementReadsTests(MotoServer moto) : IAsyncLifetime
{
    private static readonly string _root = Path.Combine(Path.GetTempPath(), "fcr-" + Guid.NewGuid().ToString("N")[..10]);
    private static readonly string _bucket = "fcr-" + Guid.NewGuid().ToString("N")[..12];
    private static readonly OnceAsync s_setUp = new();
    private static string Work => Path.Combine(_root, "work");
    private static string Out => Path.Combine(_root, "out");

    public Task InitializeAsync() => s_setUp.RunAsync(SetUpAsync);

    private async Task SetUpAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(_root, recursive: true);
        foreach (var directory in new[] { "cfn/nested", "cfn/code", "code", "linked" })
            Directory.CreateDirectory(Path.Combine(Work, directory));
        Directory.CreateDirectory(Path.Combine(Out, "code"));
        Directory.CreateSymbolicLink(Path.Combine(Work, "linked", "escape"), Out);
        var files = new Dictionary<string, string>
        {
            ["work/tag.txt"] = "inside",
            ["work/sh-in.txt"] = "TagSet=[{Key=a,Value@=file://tag.txt}]",
            ["work/sh-out.txt"] = $"TagSet=[{{Key=a,Value@=file://{Out}/secret.txt}}]",
            ["work/code/index.py"] = "def handler(e, c): return 1\n",
            ["work/cfn/code/app.py"] = "x = 1\n",
            ["out/secret.txt"] = "outside",
            ["out/code/stolen.py"] = "secret = 1\n",
            ["out/evil.yaml"] = "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: /etc\n",
            // templates: one that packages, then one per way out
            ["work/cfn/ok.yaml"] = """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: code
                      Handler: !Sub '${AWS::Region}.handler'
                      Role: !GetAtt Role.Arn
                      Runtime: python3.12
                  Other:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: { S3Bucket: b, S3Key: k }
                      Role: !Ref RoleArn
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      BodyS3Location: s3://bucket/api.yaml
                """,
            ["work/cfn/codeuri-out.yaml"] = "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: ../../out/code\n",
            ["work/cfn/body-abs.json"] = """{"Resources": {"A": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"BodyS3Location": "/etc/passwd"}}}}""",
            ["work/cfn/layer.yaml"] = "Resources:\n  L:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: ../linked/escape/code\n",
            ["work/cfn/glue.yaml"] = "Resources:\n  J:\n    Type: AWS::Glue::Job\n    Properties:\n      Command:\n        ScriptLocation: /etc/passwd\n",
            ["work/cfn/stack.yaml"] = $"Resources:\n  S:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: {Out}/evil.yaml\n",
            ["work/cfn/app.yaml"] = "Resources:\n  A:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: nested/inner.yaml\n",
            ["work/cfn/nested/inner.yaml"] = "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: ../../../out/secret.txt\n",
            ["work/cfn/include.yaml"] = "Resources:\n  Fn::Transform:\n    Name: AWS::Include\n    Parameters:\n      Location: ../../out/secret.txt\n",
            ["work/cfn/transform-tag.yaml"] = "Resources: {}\nOutputs:\n  X: !Transform { Name: 'AWS::Include', Parameters: { Location: /etc/passwd } }\n",
            ["work/cfn/metadata.yaml"] = "Metadata:\n  AWS::ServerlessRepo::Application:\n    ReadmeUrl: /etc/passwd\n",
            ["work/cfn/foreach.yaml"] = "Resources:\n  Fn::ForEach::Fns:\n    - Name\n    - [a, b]\n    - F${Name}:\n        Type: AWS::Serverless::Function\n        Properties:\n          CodeUri: ../../out/code\n",
            ["work/cfn/beanstalk.yaml"] = "Resources:\n  V:\n    Type: AWS::ElasticBeanstalk::ApplicationVersion\n    Properties:\n      SourceBundle: ../linked\n",
            ["work/cfn/broken.yaml"] = "Resources:\n  F: [unclosed\n",
            ["work/cfn/self.yaml"] = "Resources:\n  S:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: self.yaml\n",
        };
        foreach (var (name, text) in files)
            await File.WriteAllTextAsync(Path.Combine(_root, name), text);
        Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + _bucket)).ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static CommandExecutor Executor() =>
        new(AwsCatalogue.Default, ExecutionPolicy.Default with { WorkingDirectory = Work }, AwsCliV1.Installation);

    /// <summary>(command, text the message must contain). All were run by the code before this check.</summary>
    public static TheoryData<string, string> Denied => new()
    {
        // shorthand key@=file:// and fileb://, top level, in lists and hashes, after a backtrack, in a file's text
        { "aws s3api put-bucket-tagging --bucket {B} --tagging 'TagSet=[{Key=a,Value@=file://{o}/secret.txt}]'", "--tagging (shorthand @=)" },
        { "aws ec2 describe-instances --filters Name=x,Values@=file://{o}/secret.txt", "--filters (shorthand @=)" },
        { "aws ec2 describe-instances --filters 'Name=x,Values@=[file://../out/secret.txt]'", "resolves to" },
        { "aws ec2 describe-instances --filters 'Name=x,Values @= fileb:///etc/passwd'", "/etc/passwd" },
        { "aws ec2 describe-instances --filters 'Name@=\"file:///etc/passwd\",Values=y'", "/etc/passwd" },
        { "aws ec2 describe-instances --filters 'Name=x,Values@=y,file:///etc/passwd=z'", "/etc/passwd" },
        { "aws ec2 describe-instances --filters Name=x,Values=y 'Name=z,Values@=file://~/.bashrc'", "--filters (shorthand @=)" },
        { "aws ec2 run-instances --image-id ami-1 --block-device-mappings 'DeviceName=/dev/sda1,Ebs={VolumeSize@=file:///etc/hostname}'", "/etc/hostname" },
        { "aws s3api put-bucket-tagging --bucket {B} --tagging file://sh-out.txt", "sh-out.txt" },
        // the CLI's prefix match is case-sensitive; ours, like every file:// check here, is not (an odd literal is refused)
        { "aws ec2 describe-instances --filters 'Name=x,Values@=FILE:///etc/passwd'", "/etc/passwd" },
        // http(s) values AWS CLI v1 fetches
        { "aws s3api list-objects-v2 --bucket {B} --prefix {u}/latest/meta-data/", "would fetch" },
        { "aws s3api list-objects-v2 --bucket {B} --prefix={u}/x", "--prefix" },
        { "aws ec2 describe-instances --instance-ids {u}/one", "--instance-ids" },
        { "aws s3 ls {u}/positional", "paths" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json {u}/input.json", "--cli-input-json" },
        { "aws logs describe-log-groups --log-group-name-prefix {u}/x", "cli_follow_urlparam" },
        { "aws sqs create-queue --queue-name {b} --attributes {u}/attrs", "--attributes" },
        // cloudformation package artifacts
        { "aws cloudformation package --template-file cfn/codeuri-out.yaml --s3-bucket {B}", "Resources.F.Properties.CodeUri" },
        { "aws cloudformation package --template-file cfn/body-abs.json --s3-bucket {B}", "BodyS3Location" },
        { "aws cloudformation package --template-file cfn/layer.yaml --s3-bucket {B}", "ContentUri" },
        { "aws cloudformation package --template-file cfn/glue.yaml --s3-bucket {B}", "Command.ScriptLocation" },
        { "aws cloudformation package --template-file cfn/stack.yaml --s3-bucket {B}", "TemplateURL" },
        { "aws cloudformation package --template-file cfn/app.yaml --s3-bucket {B}", "nested template 'nested/inner.yaml'" },
        { "aws cloudformation package --template-file cfn/include.yaml --s3-bucket {B}", "Fn::Transform.Parameters.Location" },
        { "aws cloudformation package --template-file cfn/transform-tag.yaml --s3-bucket {B}", "Fn::Transform.Parameters.Location" },
        { "aws cloudformation package --template-file cfn/metadata.yaml --s3-bucket {B}", "ReadmeUrl" },
        { "aws cloudformation package --template-file cfn/foreach.yaml --s3-bucket {B}", "Fn::ForEach::Fns" },
        { "aws cloudformation package --template-file cfn/beanstalk.yaml --s3-bucket {B}", "symbolic link" },
        { "aws cloudformation package --template-file cfn/broken.yaml --s3-bucket {B}", "cannot be read as a CloudFormation template" },
        { "aws cloudformation package --template-file cfn/self.yaml --s3-bucket {B}", "include themselves" },
    };

    [Theory]
    [MemberData(nameof(Denied))]
    public async Task Is_denied_and_nothing_runs(string template, string reason)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var bucket = "fcrd-" + Guid.NewGuid().ToString("N")[..12];
        var command = Fill(template).Replace("{b}", bucket).Replace("{u}", url);

        var result = await Executor().ExecuteAsync(command);

        Assert.True(result.Status == ExecutionStatus.Rejected, result.ToText());
        Assert.Equal(RejectionKind.Denied, result.Rejection!.Kind);
        Assert.Contains(reason, result.Rejection.Message);
        Assert.Contains("nothing was run", result.ToText());
        Assert.False(listener.Pending(), "the URL was fetched");
        if (template.Contains("{b}"))
            Assert.False(await moto.BucketExistsAsync(bucket), $"bucket {bucket} was created");
    }

    /// <summary>Legitimate uses that run, for real, against moto.</summary>
    public static TheoryData<string> Runs => new()
    {
        "aws s3api put-bucket-tagging --bucket {B} --tagging 'TagSet=[{Key=a,Value@=file://tag.txt}]'",
        "aws s3api put-bucket-tagging --bucket {B} --tagging file://sh-in.txt",
        "aws s3api put-bucket-tagging --bucket {B} --tagging '{\"TagSet\": [{\"Key\": \"a\", \"Value\": \"file:///etc/passwd\"}]}'",
        "aws ec2 describe-instances --filters Name=tag:x,Values=file:///etc/passwd", // tag filters: moto answers 500 to unknown ones once instances exist
        "aws ec2 describe-instances --filters 'Name=tag:x,Values@=http://169.254.169.254/'",
        "aws s3api list-objects-v2 --bucket {B} --prefix HTTP://169.254.169.254/",
        "aws ec2 describe-instances --instance-ids http://169.254.169.254/a i-2",
        "aws cloudformation package --template-file cfn/ok.yaml --s3-bucket {B} --output-template-file packaged.yaml",
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Runs_against_moto(string template)
    {
        var result = await Executor().ExecuteAsync(Fill(template));
        Assert.NotEqual(ExecutionStatus.Rejected, result.Status);
        Assert.True(result.Status == ExecutionStatus.Success || template.Contains("i-2"), result.ToText());
    }

    /// <summary>Accepted by validation; not run (the CLI would not fetch these, but the service might).</summary>
    [Theory]
    [InlineData("aws cloudformation validate-template --template-url https://example.com/t.yaml")]
    [InlineData("aws sqs get-queue-attributes --queue-url http://127.0.0.1:1/q")]
    [InlineData("aws s3api put-object --bucket b --key k --website-redirect-location https://example.com/")]
    [InlineData("aws s3 cp tag.txt s3://b/k --website-redirect https://example.com/")]
    [InlineData("aws sagemaker create-notebook-instance --notebook-instance-name n --instance-type ml.t2.medium --role-arn arn:aws:iam::123456789012:role/r --default-code-repository https://github.com/a/b")]
    [InlineData("aws sagemaker update-notebook-instance --notebook-instance-name n --default-code-repository https://github.com/a/b")]
    [InlineData("aws cloudformation package --template-file cfn/ok.yaml --s3-bucket b")]
    public void Is_allowed(string command)
    {
        var validator = new CommandValidator(AwsCatalogue.Default, ExecutionPolicy.Default with { WorkingDirectory = Work });
        var (validated, rejection) = validator.Validate(command, 300);
        Assert.True(validated is not null, rejection?.ToString());
    }

    private static string Fill(string template) => template.Replace("{w}", Work).Replace("{o}", Out).Replace("{B}", _bucket);
}
