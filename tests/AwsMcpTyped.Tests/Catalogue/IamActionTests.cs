using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Catalogue;

/// <summary>
/// The IAM actions each command carries: operations and waiters from the IAM table
/// (generators/data/access/iam-access-levels.tsv), customizations from custom-command-access.json.
/// </summary>
public sealed partial class IamActionTests
{
    private static readonly Lazy<Dictionary<(string, string), string[]>> IamActions = new(() =>
        File.ReadLines(RepoPaths.Combine("generators", "data", "access", "iam-access-levels.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 3 && f[2].Length > 0)
            .ToDictionary(f => (f[0], f[1]), f => f[2].Split(',')));

    private static IReadOnlyList<string> Actions(string service, string command) =>
        AwsCatalogue.Default.FindCommand(service, command)!.Actions;

    /// <summary>An operation the IAM table leaves unlabelled stands for its signing name and operation, so action rules
    /// such as <c>*:Delete*</c> still reach it.</summary>
    [Fact]
    public void Operations_and_waiters_carry_the_actions_of_the_iam_table()
    {
        var wrong = new List<string>();
        var services = AwsCatalogue.Default.LoadAll().Where(s => s.AliasOf is null && s.BotocoreName is not null);
        foreach (var service in services)
        {
            foreach (var command in service.Commands.Where(c => c.Kind != CommandKind.Custom))
            {
                var expected = IamActions.Value.GetValueOrDefault((service.BotocoreName!, command.Operation!));
                if (expected is null ? command.Actions is not [var fallback] || !fallback.EndsWith(":" + command.Operation, StringComparison.Ordinal)
                                     : !command.Actions.SequenceEqual(expected))
                    wrong.Add($"{service.Name} {command.Name}: [{string.Join(",", command.Actions)}] instead of [{string.Join(",", expected ?? ["<signing name>:" + command.Operation])}]");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_action_is_spelled_prefix_colon_action()
    {
        var bad = AwsCatalogue.Default.LoadAll().SelectMany(s => s.Commands.SelectMany(c => c.Actions.Select(a => $"{s.Name} {c.Name}: {a}")))
            .Where(entry => !ActionPattern().IsMatch(entry[(entry.LastIndexOf(' ') + 1)..])).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Every_customization_entry_lists_its_actions()
    {
        var commands = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("generators", "data", "access", "custom-command-access.json")))!["commands"]!.AsObject();
        Assert.All(commands, pair => Assert.IsType<JsonArray>(pair.Value!["actions"], exactMatch: false));
    }

    [Theory]
    [InlineData("s3api", "delete-bucket", "s3:DeleteBucket")]
    [InlineData("s3api", "head-object", "s3:GetObject")]
    [InlineData("s3api", "copy-object", "s3:PutObject,s3:GetObject")]
    [InlineData("ec2", "wait instance-running", "ec2:DescribeInstances")]
    [InlineData("codecatalyst", "delete-project", "codecatalyst:DeleteProject")] // not in the IAM reference: the signing name
    [InlineData("dynamodb", "wait table-exists", "dynamodb:DescribeTable")]
    [InlineData("s3", "rb", "s3:DeleteBucket,s3:DeleteObject,s3:ListBucket")]
    [InlineData("s3", "rm", "s3:DeleteObject,s3:ListBucket")]
    [InlineData("s3", "mb", "s3:CreateBucket")]
    [InlineData("s3", "ls", "s3:ListAllMyBuckets,s3:ListBucket")]
    [InlineData("s3", "presign", "s3:GetObject")]
    [InlineData("s3", "website", "s3:PutBucketWebsite")]
    [InlineData("ecr", "get-login-password", "ecr:GetAuthorizationToken")]
    [InlineData("rds", "generate-db-auth-token", "rds-db:connect")]
    [InlineData("logs", "start-live-tail", "logs:StartLiveTail")]
    [InlineData("emr", "terminate-clusters", "elasticmapreduce:TerminateJobFlows")]
    public void Commands_carry_exactly_these_actions(string service, string command, string actions) =>
        Assert.Equal(actions.Split(','), Actions(service, command));

    [Theory]
    [InlineData("s3", "cp", "s3:GetObject,s3:PutObject")]
    [InlineData("s3", "mv", "s3:GetObject,s3:PutObject,s3:DeleteObject")]
    [InlineData("s3", "sync", "s3:ListBucket,s3:GetObject,s3:PutObject,s3:DeleteObject")]
    [InlineData("cloudformation", "deploy", "cloudformation:CreateChangeSet,cloudformation:ExecuteChangeSet,cloudformation:DescribeStacks,cloudformation:DescribeChangeSet,cloudformation:GetTemplateSummary")]
    [InlineData("cloudformation", "package", "s3:PutObject")]
    [InlineData("eks", "get-token", "sts:GetCallerIdentity")]
    [InlineData("eks", "update-kubeconfig", "eks:DescribeCluster")]
    // AWS CLI v2 only (read in the aws-cli 2.34.50 source and wizard definitions):
    [InlineData("ddb", "select", "dynamodb:Query,dynamodb:Scan")]
    [InlineData("ddb", "put", "dynamodb:PutItem,dynamodb:BatchWriteItem")]
    [InlineData("logs", "tail", "logs:FilterLogEvents")]
    [InlineData("dsql", "generate-db-connect-auth-token", "dsql:DbConnect")]
    [InlineData("dsql", "generate-db-connect-admin-auth-token", "dsql:DbConnectAdmin")]
    [InlineData("ec2-instance-connect", "ssh", "ec2-instance-connect:SendSSHPublicKey,ec2:DescribeInstances")]
    [InlineData("ec2-instance-connect", "open-tunnel", "ec2-instance-connect:OpenTunnel")]
    [InlineData("configure", "mfa-login", "sts:GetSessionToken")]
    [InlineData("iam", "wizard new-role", "iam:CreateRole,iam:AttachRolePolicy")]
    [InlineData("login", "", "signin:CreateOAuth2Token")]
    public void Customizations_include_these_actions(string service, string command, string actions) =>
        Assert.All(actions.Split(','), action => Assert.Contains(action, Actions(service, command)));

    [Theory]
    [InlineData("configure", "set")]
    [InlineData("configure", "get")]
    [InlineData("configure", "list")]
    [InlineData("history", "show")]
    [InlineData("cloudfront", "sign")]
    [InlineData("deploy", "uninstall")]
    [InlineData("configure", "list-profiles")]
    [InlineData("configure", "import")]
    [InlineData("logout", "")]
    public void Local_customizations_perform_no_actions(string service, string command) =>
        Assert.Empty(Actions(service, command));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*:[A-Za-z0-9]+$")]
    private static partial Regex ActionPattern();
}
