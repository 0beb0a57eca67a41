using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>
/// Commands refused before anything runs, through the real executor with the real CLI and moto behind it.
/// Where a command would create something ({b}: a bucket, {f}: a file), the test proves afterwards that it does not exist.
/// </summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class RejectionTests(MotoServer moto)
{
    public static TheoryData<string, RejectionKind, string> Cases => new()
    {
        // Shell syntax: chaining, redirection, substitution, variables, newlines, quotes.
        { "aws s3 mb s3://{b}; rm -rf /", RejectionKind.ShellSyntax, "';'" },
        { "aws s3 ls; aws s3 mb s3://{b}", RejectionKind.ShellSyntax, "';'" },
        { "aws s3 mb s3://{b} && touch {f}", RejectionKind.ShellSyntax, "'&&'" },
        { "aws s3 ls || aws s3 mb s3://{b}", RejectionKind.ShellSyntax, "'||'" },
        { "aws s3 mb s3://{b} &", RejectionKind.ShellSyntax, "'&'" },
        { "aws s3 ls > {f}", RejectionKind.ShellSyntax, "Redirection" },
        { "aws s3 ls >> {f}", RejectionKind.ShellSyntax, "Redirection" },
        { "aws s3 ls 2>&1 | tee {f}", RejectionKind.ShellSyntax, "Redirection" },
        { "aws s3 mb s3://{b} < /etc/passwd", RejectionKind.ShellSyntax, "Redirection" },
        { "aws s3 ls $(whoami)", RejectionKind.ShellSyntax, "Command substitution" },
        { "aws s3 mb s3://{b}$(touch {f})", RejectionKind.ShellSyntax, "Command substitution" },
        { "aws s3 mb \"s3://{b}$(touch {f})\"", RejectionKind.ShellSyntax, "Command substitution" },
        { "aws s3 mb s3://{b}`touch {f}`", RejectionKind.ShellSyntax, "`" },
        { "aws s3 mb <(touch {f})", RejectionKind.ShellSyntax, "Process substitution" },
        { "aws s3 mb s3://{b}$HOME", RejectionKind.ShellSyntax, "variables" },
        { "aws s3 mb s3://{b}${USER}", RejectionKind.ShellSyntax, "variables" },
        { "aws s3 mb \"s3://{b}$USER\"", RejectionKind.ShellSyntax, "variables" },
        { "aws s3 mb s3://{b}\naws s3 ls", RejectionKind.ShellSyntax, "newline" },
        { "aws s3 ls 'unterminated", RejectionKind.ShellSyntax, "Unterminated single quote" },
        { "aws s3 mb \"s3://{b}", RejectionKind.ShellSyntax, "Unterminated double quote" },
        { "aws s3 mb s3://{b} (x)", RejectionKind.ShellSyntax, "Subshells" },
        { "aws s3 mb s3://{b} # note", RejectionKind.ShellSyntax, "Comments" },
        // Programs: only aws first, only allow-listed filters after.
        { "echo hi", RejectionKind.NotAllowedProgram, "must start with 'aws'" },
        { "touch {f}", RejectionKind.NotAllowedProgram, "must start with 'aws'" },
        { "bash -c 'aws s3 mb s3://{b}'", RejectionKind.NotAllowedProgram, "must start with 'aws'" },
        { "sh -c 'touch {f}'", RejectionKind.NotAllowedProgram, "must start with 'aws'" },
        { "/usr/bin/env aws s3 mb s3://{b}", RejectionKind.NotAllowedProgram, "must start with 'aws'" },
        { "AWS_PROFILE=x aws s3 mb s3://{b}", RejectionKind.NotAllowedProgram, "must start with 'aws'" },
        { "python3 -c 'open(\"{f}\",\"w\")'", RejectionKind.NotAllowedProgram, "must start with 'aws'" },
        { "aws s3 mb s3://{b} | sh", RejectionKind.NotAllowedProgram, "not an allowed filter" },
        { "aws s3 ls | python3 -c 1", RejectionKind.NotAllowedProgram, "not an allowed filter" },
        { "aws s3 ls | xargs rm", RejectionKind.NotAllowedProgram, "not an allowed filter" },
        { "aws s3 mb s3://{b} | tee {f}", RejectionKind.NotAllowedProgram, "not an allowed filter" },
        { "aws s3 ls | aws s3 mb s3://{b}", RejectionKind.NotAllowedProgram, "Only the first stage" },
        { "aws s3 mb s3://{b} | jq env", RejectionKind.Denied, "'env'" },
        { "aws s3 mb s3://{b} | sed 'w {f}'", RejectionKind.Denied, "writes a file" },
        { "aws s3 mb s3://{b} | awk '{print > \"{f}\"}'", RejectionKind.Denied, "output redirection" },
        { "aws s3 mb s3://{b} | sort -o {f}", RejectionKind.Denied, "writes a file" },
        // Unknown names, with suggestions.
        { "aws s4 ls", RejectionKind.UnknownName, "Did you mean: s3" },
        { "aws ec2 describe-instancez", RejectionKind.UnknownName, "describe-instances" },
        { "aws ec2 describe-instances --instance-idz i-1", RejectionKind.UnknownName, "--instance-ids" },
        { "aws s3 mbx s3://{b}", RejectionKind.UnknownName, "Did you mean: mb" },
        { "aws s3api create-buckt --bucket {b}", RejectionKind.UnknownName, "create-bucket" },
        { "aws s3api create-bucket --bucket {b} --aclx private", RejectionKind.UnknownName, "--acl" },
        { "aws ec2 wait instance-runnin --instance-ids i-1", RejectionKind.UnknownName, "wait instance-running" },
        { "aws ec2 wait", RejectionKind.UnknownName, "has subcommands" },
        { "aws s3 ls --recursivx", RejectionKind.UnknownName, "--recursive" },
        { "aws s3api create-bucket --bucket {b} --grant x", RejectionKind.UnknownName, "ambiguous" },
        { "aws s3 mb s3://{b} --no", RejectionKind.UnknownName, "ambiguous" },
        { "aws --regoin us-east-1 s3 ls", RejectionKind.UnknownName, "--region" },
        // Arguments: required, counts, types, choices; abbreviations as argparse reads them.
        { "aws", RejectionKind.InvalidArgument, "names no service" },
        { "aws ec2", RejectionKind.InvalidArgument, "needs a command" },
        { "aws s3api create-bucket", RejectionKind.InvalidArgument, "needs --bucket" },
        { "aws s3api create-bucket --bucket", RejectionKind.InvalidArgument, "--bucket needs a value" },
        { "aws s3 mb s3://{b} --out xml", RejectionKind.InvalidArgument, "json, text, table" },
        { "aws s3 ls --page-size", RejectionKind.InvalidArgument, "--page-size needs a value" },
        { "aws dynamodb batch-execute-statement --statements '[{\"Statement\": \"SELECT'", RejectionKind.InvalidArgument, "not valid JSON" },
        { "aws s3 ls --human --page-size -5x", RejectionKind.InvalidArgument, "write --page-size=-5x" },
        { "aws ec2 describe-instances --max-results ten", RejectionKind.InvalidArgument, "whole number" },
        // Values as the CLI makes them and botocore validates them (shorthand, members, minimums, timestamps, --query).
        { "aws s3api create-bucket --bucket {b} --create-bucket-configuration justaword", RejectionKind.InvalidArgument, "shorthand expects '='" },
        { "aws s3api create-bucket --bucket {b} --create-bucket-configuration LocationConstraint=eu-west-1,Bogus=1", RejectionKind.InvalidArgument, "Unknown member 'Bogus'" },
        { "aws s3api create-bucket --bucket '{b}!'", RejectionKind.InvalidArgument, "not a bucket name" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json '{\"Bukcet\": \"x\"}'", RejectionKind.InvalidArgument, "Unknown member 'Bukcet' in --cli-input-json" },
        { "aws s3api create-bucket --bucket {b} --cli-input-json '[1]'", RejectionKind.InvalidArgument, "takes a JSON object" },
        { "aws s3api create-bucket --bucket {b} --query 'Location[?'", RejectionKind.InvalidArgument, "--query" },
        { "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/r --role-session-name s", RejectionKind.InvalidArgument, "at least 2 characters" },
        { "aws cloudwatch get-metric-statistics --namespace n --metric-name m --start-time yesterday --end-time 2024-01-01T00:00:00Z --period 60 --statistics Average",
          RejectionKind.InvalidArgument, "not a date or time" },
        { "aws s3api list-objects-v2 --bucket {b} --max-items lots", RejectionKind.InvalidArgument, "whole number" },
        { "aws ec2 describe-instances i-0123456789", RejectionKind.InvalidArgument, "takes no positional values" },
        { "aws s3 cp onlyone", RejectionKind.InvalidArgument, "needs <paths>" },
        { "aws s3 cp a b c", RejectionKind.InvalidArgument, "Unexpected extra value" },
        { "aws lambda invoke --function-name f", RejectionKind.InvalidArgument, "needs <outfile>" },
        { "aws s3 ls --recursive=yes", RejectionKind.InvalidArgument, "flag and takes no value" },
        { "aws s3 mb s3://{b} --output xml", RejectionKind.InvalidArgument, "json, text, table" },
        { "aws s3 mb s3://{b} --color purple", RejectionKind.InvalidArgument, "on, off, auto" },
        { "aws s3 mb s3://{b} --region 'us east 1'", RejectionKind.InvalidArgument, "not a region name" },
        { "aws s3 mb s3://{b} --cli-read-timeout soon", RejectionKind.InvalidArgument, "whole number" },
        { "aws s3 mb s3://{b} --region", RejectionKind.InvalidArgument, "--region needs a value" },
        // Policy.
        { "aws configure", RejectionKind.Denied, "interactive" },
        { "aws configure get aws_secret_access_key", RejectionKind.Denied, "secret keys" },
        { "aws configure set region eu-west-1", RejectionKind.Denied, "changes local credentials" },
        { "aws configure add-model --service-model file://m.json", RejectionKind.Denied, "service models" },
        { "aws configure export-credentials", RejectionKind.Denied, "prints credentials" },
        { "aws configure import --csv file://creds.csv", RejectionKind.Denied, "writes credentials" },
        { "aws history list", RejectionKind.Denied, "replays" },
        { "aws history show", RejectionKind.Denied, "replays" },
        { "aws s3 ls --debug", RejectionKind.Denied, "--debug" },
        { "aws --debug s3 mb s3://{b}", RejectionKind.Denied, "--debug" },
        { "aws --deb s3 mb s3://{b}", RejectionKind.Denied, "--debug" },
        { "aws s3 mb s3://{b} --no-verify", RejectionKind.Denied, "TLS" },
        { "aws s3 ls --endpoint http://169.254.169.254", RejectionKind.Denied, "only point at this machine" },
        { "aws s3 mb s3://{b} --no-verify-ssl", RejectionKind.Denied, "TLS" },
        { "aws s3 mb s3://{b} --no-sign-request", RejectionKind.Denied, "unsigned" },
        { "aws s3 ls --endpoint-url http://169.254.169.254", RejectionKind.Denied, "only point at this machine" },
        { "aws s3 mb s3://{b} --endpoint-url=https://evil.example.com", RejectionKind.Denied, "only point at this machine" },
        { "aws s3 mb s3://{b} --endpoint-url http://127.0.0.1.nip.io:5000", RejectionKind.Denied, "only point at this machine" },
        { "aws s3 mb s3://{b} --endpoint-url http://[fd00::1]:80", RejectionKind.Denied, "only point at this machine" },
        { "aws s3 mb s3://{b} --endpoint-url file:///etc/passwd", RejectionKind.Denied, "http(s) URL" },
        { "aws emr ssh --cluster-id j-1 --key-pair-file k.pem", RejectionKind.Denied, "ssh" },
        { "aws emr socks --cluster-id j-1 --key-pair-file k.pem", RejectionKind.Denied, "ssh tunnel" },
        { "aws emr get --cluster-id j-1 --key-pair-file k.pem --src /x", RejectionKind.Denied, "scp" },
        { "aws emr put --cluster-id j-1 --key-pair-file k.pem --src /x", RejectionKind.Denied, "scp" },
        { "aws deploy install --config-file c.yml", RejectionKind.Denied, "installs" },
        { "aws deploy uninstall", RejectionKind.Denied, "removes software" },
        { "aws codeartifact login --tool npm --domain d --repository r", RejectionKind.Denied, "npm" },
        { "aws eks update-kubeconfig --name c", RejectionKind.Denied, "kube" },
        { "aws codecommit credential-helper get", RejectionKind.Denied, "credential helper" },
        { "aws ssm start-session --target i-1", RejectionKind.Denied, "session-manager-plugin" },
        { "aws ecs execute-command --cluster c --task t --interactive --command ls", RejectionKind.Denied, "session-manager-plugin" },
        { "aws lightsail push-container-image --service-name s --label l --image i", RejectionKind.Denied, "docker" },
        { "aws ec2 wait instance-running --instance-ids i-1", RejectionKind.Denied, "600 s" },
        { "aws help", RejectionKind.Denied, "describe_command" },
        { "aws s3 help", RejectionKind.Denied, "describe_command" },
        { "aws ec2 describe-instances help", RejectionKind.Denied, "describe_command" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_rejected_and_nothing_runs(string template, RejectionKind kind, string reason)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var bucket = "proof-" + id;
        var file = Path.Combine(Path.GetTempPath(), "proof-" + id);
        var command = template.Replace("{b}", bucket).Replace("{f}", file);

        var result = await CommandExecutor.CreateDefault().ExecuteAsync(command);

        Assert.Equal(ExecutionStatus.Rejected, result.Status);
        Assert.Equal(kind, result.Rejection!.Kind);
        Assert.Contains(reason, result.Rejection.Message);
        Assert.Contains("nothing was run", result.ToText());
        if (template.Contains("{b}"))
            Assert.False(await moto.BucketExistsAsync(bucket), $"bucket {bucket} was created");
        if (template.Contains("{f}"))
            Assert.False(File.Exists(file), $"{file} was created");
    }

    [Fact]
    public async Task The_table_covers_every_category()
    {
        var kinds = Cases.Select(row => (RejectionKind)row[1]).Distinct().ToList();
        Assert.Equal(Enum.GetValues<RejectionKind>().Length, kinds.Count);
        Assert.True(Cases.Count() >= 90);
        await Task.CompletedTask;
    }
}
