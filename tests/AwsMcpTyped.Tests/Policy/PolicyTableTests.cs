using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>
/// The safety policy, table-driven, through the real executor with the real CLI and moto behind it: read-only mode,
/// sensitive reads, wildcard allow/deny rules, region and profile rules, policy files, and consent with a prompt that
/// answers and without one. Every refusal is checked for its message and for nothing having run ({b}: a bucket that
/// the command would create must not exist afterwards).
/// </summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class PolicyTableTests(MotoServer moto)
{
    private static readonly Dictionary<string, string> PolicyFiles = new()
    {
        ["deny-iam.json"] = """{"deny": ["iam:delete-*", {"command": "ec2:terminate-instances", "region": "eu-*"}]}""",
        ["readonly.yaml"] = "readOnly: true\nallow:\n  - \"*\"\n  - secretsmanager:get-secret-value\n",
        ["allow-s3api.yml"] = "allow:\n  - command: \"s3api:*\"\n    region: us-*\n  - sts:get-caller-identity\n",
        ["consent.yaml"] = "consent: writes\n",
    };

    private static readonly string[] Writes =
    [
        "aws s3 mb s3://{b}", "aws s3api create-bucket --bucket {b}", "aws s3 cp hostname.txt s3://{b}/k",
        "aws sqs create-queue --queue-name {b}", "aws sns create-topic --name {b}", "aws iam create-user --user-name {b}",
        "aws dynamodb create-table --table-name {b} --attribute-definitions AttributeName=k,AttributeType=S --key-schema AttributeName=k,KeyType=HASH --billing-mode PAY_PER_REQUEST",
        "aws ec2 create-vpc --cidr-block 10.0.0.0/16", "aws ec2 run-instances --image-id ami-12345678 --count 1",
        "aws s3api put-bucket-tagging --bucket {b} --tagging TagSet=[{Key=a,Value=b}]", "aws logs create-log-group --log-group-name {b}",
        "aws ssm put-parameter --name {b} --value v --type String", "aws s3 sync ./none s3://{b}",
    ];

    private static readonly string[] Destructive =
    [
        "aws s3 rb s3://{b}", "aws s3 rm s3://{b}/k", "aws s3 mv s3://{b}/a s3://{b}/b", "aws s3api delete-bucket --bucket {b}",
        "aws ec2 terminate-instances --instance-ids i-12345678", "aws iam delete-user --user-name {b}", "aws sqs delete-queue --queue-url http://q/{b}",
        "aws dynamodb delete-table --table-name {b}", "aws lambda delete-function --function-name {b}", "aws s3 sync s3://{b} s3://{b}-2 --delete",
    ];

    private static readonly string[] Reads =
    [
        "aws s3 ls", "aws s3api list-buckets", "aws ec2 describe-instances", "aws iam list-users", "aws sts get-caller-identity",
        "aws sqs list-queues", "aws dynamodb list-tables",
        "aws s3 cp s3://{b}/k -",
    ];

    private static readonly string[] SensitiveReads =
    [
        "aws secretsmanager get-secret-value --secret-id {b}", "aws sts get-session-token", "aws kms decrypt --ciphertext-blob fileb://blob.bin",
        "aws ecr get-login-password", "aws ec2 get-password-data --instance-id i-12345678", "aws ssm get-parameters-by-path --path /{b}",
        "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/r --role-session-name sess",
        "aws s3 presign s3://{b}/k", "aws rds generate-db-auth-token --hostname h --port 5432 --username u",
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        // Read-only: every write and destructive command is refused, reads run, sensitive reads need an exact allow rule.
        foreach (var command in Writes)
            data.Add("RO", command, "deny:a write operation, refused in read-only mode");
        foreach (var command in Destructive)
            data.Add("RO", command, "deny:a destructive operation, refused in read-only mode");
        foreach (var command in Reads)
            data.Add("RO", command, "run");
        foreach (var command in SensitiveReads)
        {
            data.Add("RO", command, "deny:sensitive read");
            data.Add("RO;ALLOW=secretsmanager:*,sts:*,kms:*,ecr:*,ec2:*,ssm:*,s3:*,rds:*", command, "deny:name it exactly in AWS_MCP_ALLOW");
            data.Add("", command, "run");
        }
        data.Add("RO;ALLOW=*,secretsmanager:get-secret-value", "aws secretsmanager get-secret-value --secret-id {b}", "run");
        data.Add("RO;ALLOW=*,secretsmanager:get-secret-value", "aws sts get-session-token", "deny:sensitive read");
        data.Add("RO;ALLOW=*,sts:get-session-token", "aws sts get-session-token", "run");
        data.Add("RO;ALLOW=*,sts:get-session-token", "aws s3 mb s3://{b}", "deny:refused in read-only mode");
        data.Add("RO;ALLOW=s3:mb", "aws s3 mb s3://{b}", "deny:refused in read-only mode");
        data.Add("RO=false", "aws s3 mb s3://{b}", "run");

        // Deny rules with wildcards; deny wins over allow.
        data.Add("DENY=iam:delete-*", "aws iam delete-user --user-name {b}", "deny:denied by the rule 'iam:delete-*' (AWS_MCP_DENY)");
        data.Add("DENY=iam:delete-*", "aws iam delete-role --role-name {b}", "deny:'iam:delete-*'");
        data.Add("DENY=iam:delete-*", "aws iam list-users", "run");
        data.Add("DENY=iam:delete-*", "aws s3api delete-bucket --bucket {b}", "run");
        data.Add("DENY=ec2", "aws ec2 describe-instances", "deny:'ec2'");
        data.Add("DENY=ec2:*", "aws ec2 describe-vpcs", "deny:'ec2:*'");
        data.Add("DENY=s3api:*", "aws s3api wait bucket-exists --bucket {b}", "deny:'s3api:*'");
        data.Add("DENY=s3api:wait:*", "aws s3api wait bucket-exists --bucket {b}", "deny:'s3api:wait:*'");
        data.Add("DENY=s3api:wait bucket-*", "aws s3api wait bucket-exists --bucket {b}", "deny:'s3api:wait bucket-*'");
        data.Add("DENY=s3api:wait:*", "aws s3api list-buckets", "run");
        data.Add("DENY=*:create-*", "aws s3api create-bucket --bucket {b}", "deny:'*:create-*'");
        data.Add("DENY=*:create-*", "aws sqs create-queue --queue-name {b}", "deny:'*:create-*'");
        data.Add("DENY=*:create-*", "aws s3 mb s3://{b}", "deny:it performs s3:CreateBucket, which the rule covers"); // s3api create-bucket's effect
        data.Add("DENY=s3", "aws s3 mb s3://{b}", "deny:'s3'");
        data.Add("DENY=s3", "aws s3api list-buckets", "run");
        data.Add("DENY=s3:mb", "aws s3 mb s3://{b}", "deny:'s3:mb'");
        data.Add("DENY=s3:m?", "aws s3 mb s3://{b}", "deny:'s3:m?'");
        data.Add("DENY=s3:m?", "aws s3 ls", "run");
        data.Add("DENY=*", "aws sts get-caller-identity", "deny:'*'");
        data.Add("DENY=*;ALLOW=*", "aws sts get-caller-identity", "deny:'*'");
        data.Add("DENY=s3api:*;ALLOW=s3api:create-bucket", "aws s3api create-bucket --bucket {b}", "deny:'s3api:*'");
        data.Add("DENY=sqs:*, sns:*", "aws sns create-topic --name {b}", "deny:'sns:*'");
        data.Add("DENY=IAM:Delete-*", "aws iam delete-user --user-name {b}", "deny:'IAM:Delete-*'");

        // Allow-list: with allow rules, only matching commands run.
        data.Add("ALLOW=s3api:list-*", "aws s3api list-buckets", "run");
        data.Add("ALLOW=s3api:list-*", "aws s3api create-bucket --bucket {b}", "deny:matches no allow rule");
        data.Add("ALLOW=s3api:list-*", "aws s3 mb s3://{b}", "deny:matches no allow rule");
        data.Add("ALLOW=s3api:list-*,s3:*", "aws s3 mb s3://{b}", "run");
        data.Add("ALLOW=*:describe-*,*:list-*", "aws ec2 describe-instances", "run");
        data.Add("ALLOW=*:describe-*,*:list-*", "aws ec2 run-instances --image-id ami-12345678 --count 1", "deny:matches no allow rule");
        data.Add("ALLOW=sts", "aws sts get-caller-identity", "run");
        data.Add("ALLOW=sts", "aws iam list-users", "deny:matches no allow rule");

        // Region rules: --region, the call's region, the environment's region; unknown regions fail closed.
        data.Add("DENY=@region=eu-*", "aws s3api list-buckets --region eu-west-1", "deny:'@region=eu-*'");
        data.Add("DENY=@region=eu-*", "aws s3api list-buckets --region us-west-2", "run");
        data.Add("DENY=@region=eu-*;CALL_REGION=eu-central-1", "aws s3api list-buckets", "deny:'@region=eu-*'");
        data.Add("DENY=@region=eu-*;CALL_REGION=eu-central-1", "aws s3api list-buckets --region us-east-2", "run");
        data.Add("DENY=@region=us-east-1", "aws s3api list-buckets", "deny:'@region=us-east-1'");
        data.Add("DENY=ec2:terminate-*@region=us-*", "aws ec2 terminate-instances --instance-ids i-12345678", "deny:'ec2:terminate-*@region=us-*'");
        data.Add("DENY=ec2:terminate-*@region=ap-*", "aws ec2 terminate-instances --instance-ids i-12345678", "run");
        data.Add("DENY=ec2:*@region=cn-*", "aws ec2 describe-instances --region cn-north-1", "deny:'ec2:*@region=cn-*'");
        data.Add("DENY=ec2:*@region=cn-*", "aws s3api list-buckets --region cn-north-1", "run");
        data.Add("ALLOW=*:*@region=us-*", "aws s3api list-buckets", "run");
        data.Add("ALLOW=*:*@region=us-*", "aws s3api list-buckets --region eu-west-1", "deny:matches no allow rule");
        data.Add("ALLOW=*:*@region=us-*;CALL_REGION=ap-south-1", "aws s3api list-buckets", "deny:matches no allow rule");
        data.Add("ALLOW=*:*@region=us-?ast-1", "aws s3api list-buckets", "run");

        // Profile rules.
        data.Add("DENY=@profile=prod", "aws s3api list-buckets --profile prod", "deny:'@profile=prod'");
        data.Add("DENY=@profile=prod;CALL_PROFILE=prod", "aws s3api list-buckets", "deny:'@profile=prod'");
        data.Add("DENY=@profile=prod", "aws s3api list-buckets", "run");
        data.Add("DENY=@profile=prod*", "aws s3api list-buckets --profile production", "deny:'@profile=prod*'");
        data.Add("DENY=*:delete-*@profile=prod", "aws s3api delete-bucket --bucket {b} --profile prod", "deny:'*:delete-*@profile=prod'");
        data.Add("DENY=*:delete-*@profile=prod", "aws s3api list-buckets --profile prod", "run");
        data.Add("ALLOW=*@profile=default", "aws s3api list-buckets", "run");
        data.Add("ALLOW=*@profile=default", "aws s3api list-buckets --profile other", "deny:matches no allow rule");
        data.Add("ALLOW=*@profile=dev@region=us-*;CALL_PROFILE=dev", "aws s3api list-buckets --region eu-west-1", "deny:matches no allow rule");
        data.Add("DENY=*@profile=dev@region=eu-*", "aws s3api list-buckets --profile dev --region eu-west-1", "deny:'*@profile=dev@region=eu-*'");
        data.Add("DENY=*@profile=dev@region=eu-*", "aws s3api list-buckets --profile dev --region us-west-1", "run");

        // Policy files, JSON and YAML.
        data.Add("FILE=deny-iam.json", "aws iam delete-user --user-name {b}", "deny:deny-iam.json)");
        data.Add("FILE=deny-iam.json", "aws ec2 terminate-instances --instance-ids i-12345678 --region eu-west-1", "deny:'ec2:terminate-instances@region=eu-*'");
        data.Add("FILE=deny-iam.json;CONSENT=off", "aws ec2 terminate-instances --instance-ids i-12345678", "run");
        data.Add("FILE=deny-iam.json;DENY=s3:mb", "aws s3 mb s3://{b}", "deny:(AWS_MCP_DENY)");
        data.Add("FILE=readonly.yaml", "aws s3 mb s3://{b}", "deny:refused in read-only mode");
        data.Add("FILE=readonly.yaml", "aws secretsmanager get-secret-value --secret-id {b}", "run");
        data.Add("FILE=readonly.yaml", "aws sts get-session-token", "deny:sensitive read");
        data.Add("FILE=allow-s3api.yml", "aws s3api list-buckets", "run");
        data.Add("FILE=allow-s3api.yml", "aws s3api list-buckets --region eu-west-1", "deny:matches no allow rule");
        data.Add("FILE=allow-s3api.yml", "aws sts get-caller-identity", "run");
        data.Add("FILE=allow-s3api.yml", "aws s3 mb s3://{b}", "run"); // s3 mb performs s3:CreateBucket, which s3api create-bucket (allowed) does
        data.Add("FILE=consent.yaml", "aws s3 mb s3://{b}", "deny:needs the user's confirmation");
        data.Add("FILE=consent.yaml;CONSENT=off", "aws s3 mb s3://{b}", "run");

        // Consent: destructive (the default) or writes; a prompt that confirms runs the command, a decline does not,
        // and without a way to ask the command is refused with how to allow it.
        foreach (var command in Destructive)
        {
            data.Add("CONSENT=destructive", command, "deny:needs the user's confirmation");
            data.Add("CONSENT=destructive;ANSWER=declined", command, "deny:The user declined");
        }
        data.Add("CONSENT=destructive;ANSWER=given", "aws s3api delete-bucket --bucket {b}", "run");
        data.Add("CONSENT=destructive;ANSWER=given", "aws s3 rb s3://{b}", "run");
        data.Add("CONSENT=destructive", "aws s3 mb s3://{b}", "run");
        data.Add("CONSENT=destructive", "aws s3 sync s3://{b} s3://{b}-2", "run");
        data.Add("CONSENT=writes", "aws s3 mb s3://{b}", "deny:AWS_MCP_CONSENT=writes");
        data.Add("CONSENT=writes", "aws sqs create-queue --queue-name {b}", "deny:needs the user's confirmation");
        data.Add("CONSENT=writes;ANSWER=given", "aws s3 mb s3://{b}", "run");
        data.Add("CONSENT=writes;ANSWER=declined", "aws s3 mb s3://{b}", "deny:The user declined");
        data.Add("CONSENT=writes", "aws s3api list-buckets", "run");
        data.Add("CONSENT=writes", "aws s3 cp s3://{b}/k -", "run");
        data.Add("CONSENT=off", "aws s3api delete-bucket --bucket {b}", "run");
        data.Add("CONSENT=destructive;DENY=s3api:delete-*;ANSWER=given", "aws s3api delete-bucket --bucket {b}", "deny:'s3api:delete-*'");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Decides_and_refusals_run_nothing(string settings, string template, string expect)
    {
        var row = new PolicyCase(settings, template, expect);
        var bucket = "policy-" + Guid.NewGuid().ToString("N")[..12];
        string? file = null;
        if (row.Values.GetValueOrDefault("FILE") is { } name)
        {
            file = Path.Combine(Path.GetTempPath(), bucket + "-" + name);
            await File.WriteAllTextAsync(file, PolicyFiles[name]);
        }
        try
        {
            var (executor, options) = row.Build(file);
            var result = await executor.ExecuteAsync(template.Replace("{b}", bucket), options);
            if (row.ExpectRun)
            {
                Assert.True(result.Status != ExecutionStatus.Rejected, $"refused: {result.Rejection}");
                if (template.StartsWith("aws s3 mb ", StringComparison.Ordinal))
                    Assert.True(await moto.BucketExistsAsync(bucket), "the allowed command did not run");
                return;
            }
            Assert.Equal(ExecutionStatus.Rejected, result.Status);
            Assert.Equal(RejectionKind.Denied, result.Rejection!.Kind);
            Assert.Contains(row.DenialText, result.Rejection.Message);
            Assert.Contains("nothing was run", result.ToText());
            Assert.False(await moto.BucketExistsAsync(bucket), $"bucket {bucket} was created");
        }
        finally
        {
            if (file is not null)
                File.Delete(file);
        }
    }
}
