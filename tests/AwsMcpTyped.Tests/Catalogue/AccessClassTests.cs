using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Tests.Support;
using Xunit.Abstractions;

namespace AwsMcpTyped.Tests.Catalogue;

/// <summary>
/// Access classes against their ground truth: the IAM Service Authorization Reference levels
/// (generators/data/access/iam-access-levels.tsv, derived by scripts/access) and the curated overrides.
/// </summary>
public sealed class AccessClassTests(ITestOutputHelper output)
{
    private static readonly Lazy<Dictionary<(string, string), string>> IamLevels = new(() =>
        File.ReadLines(RepoPaths.Combine("generators", "data", "access", "iam-access-levels.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 4 && f[3].Length > 0)
            .ToDictionary(f => (f[0], f[1]), f => f[3]));

    private static readonly Lazy<JsonObject> Overrides = new(() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("generators", "data", "access", "access-overrides.json")))!["overrides"]!.AsObject());

    private static IEnumerable<(ServiceDescriptor Service, CommandDescriptor Command)> OperationCommands() =>
        AwsCatalogue.Default.LoadAll()
            .Where(s => s.AliasOf is null && s.BotocoreName is not null)
            .SelectMany(s => s.Commands.Where(c => c.Kind == CommandKind.Operation).Select(c => (s, c)));

    private static string? Override(string service, string operation) => (string?)Overrides.Value[service]?[operation]?["class"];

    /// <summary>The agreement (read vs non-read) with the IAM table must not fall below this; it was 99.60 % when set.</summary>
    private const double MinimumAgreementPercent = 99.5;

    [Fact]
    public void Agreement_with_iam_is_reported_and_disagreements_are_all_overrides()
    {
        int labelled = 0, agree = 0;
        var unexplained = new List<string>();
        foreach (var (service, command) in OperationCommands())
        {
            if (!IamLevels.Value.TryGetValue((service.BotocoreName!, command.Operation!), out var level))
                continue;
            labelled++;
            var iamRead = level is "Read" or "List";
            var oursRead = command.Access is AccessClass.Read or AccessClass.SensitiveRead;
            if (iamRead == oursRead)
                agree++;
            else if (Override(service.BotocoreName!, command.Operation!) is null)
                unexplained.Add($"{service.Name} {command.Name}: IAM {level}, ours {command.Access}");
        }
        var percent = 100.0 * agree / labelled;
        output.WriteLine($"IAM-labelled operation commands: {labelled}; read/write agreement {agree} ({percent:F2} %)");
        Assert.Empty(unexplained);
        Assert.True(percent >= MinimumAgreementPercent, $"agreement {percent:F2} % < {MinimumAgreementPercent} %");
    }

    /// <summary>No operation IAM levels Write, Tagging or Permissions management is read, with the IAM table as referee:
    /// where IAM mislabels a read (a handful of glue, billing and tag listings) read-only mode refuses a harmless call,
    /// the safe side of the disagreement.</summary>
    [Fact]
    public void No_iam_write_operation_is_read()
    {
        var violations = OperationCommands()
            .Where(c => c.Command.Access == AccessClass.Read &&
                        IamLevels.Value.TryGetValue((c.Service.BotocoreName!, c.Command.Operation!), out var level) && level is not ("Read" or "List"))
            .Select(c => $"{c.Service.Name} {c.Command.Name}")
            .ToList();
        Assert.True(violations.Count == 0, "IAM-write operations classed read:\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("kms", "schedule-key-deletion")]
    [InlineData("kms", "retire-grant")]
    [InlineData("kms", "revoke-grant")]
    [InlineData("secretsmanager", "delete-secret")]
    [InlineData("acm-pca", "delete-certificate-authority")]
    [InlineData("sqs", "purge-queue")]
    [InlineData("ec2", "revoke-security-group-ingress")]
    [InlineData("ec2", "reset-image-attribute")]
    [InlineData("ec2", "reset-snapshot-attribute")]
    [InlineData("rds", "reset-db-parameter-group")]
    [InlineData("rds", "reset-db-cluster-parameter-group")]
    [InlineData("elasticache", "reset-cache-parameter-group")]
    [InlineData("redshift", "reset-cluster-parameter-group")]
    [InlineData("neptune-graph", "reset-graph")]
    [InlineData("storagegateway", "reset-cache")]
    [InlineData("codeartifact", "dispose-package-versions")]
    [InlineData("personalize", "create-data-deletion-job")]
    [InlineData("emr", "terminate-clusters")]
    public void Irreversible_losses_are_destructive(string service, string command) =>
        Assert.Equal(AccessClass.Destructive, AwsCatalogue.Default.FindCommand(service, command)!.Access);

    [Theory]
    [InlineData("kms", "cancel-key-deletion")]
    [InlineData("ec2", "reset-instance-attribute")]
    [InlineData("ec2", "reset-ebs-default-kms-key-id")]
    [InlineData("logs", "put-log-group-deletion-protection")]
    [InlineData("apigateway", "flush-stage-cache")]
    [InlineData("glue", "reset-job-bookmark")]
    public void Reversible_resets_and_protection_changes_are_write(string service, string command) =>
        Assert.Equal(AccessClass.Write, AwsCatalogue.Default.FindCommand(service, command)!.Access);

    [Fact]
    public void Every_override_is_applied()
    {
        var byOperation = OperationCommands().ToLookup(x => (x.Service.BotocoreName!, x.Command.Operation!));
        var wrong = new List<string>();
        foreach (var (service, operations) in Overrides.Value)
        {
            foreach (var (operation, entry) in operations!.AsObject())
            {
                var expected = (string)entry!["class"]!;
                var commands = byOperation[(service, operation)].ToList();
                if (commands.Count == 0 && !ModelHasOperation(service, operation))
                    wrong.Add($"{service} {operation}: no such operation in the model"); // the CLI may not expose it (event streams)
                wrong.AddRange(commands.Where(c => c.Command.Access.ToWireName() != expected)
                    .Select(c => $"{service} {operation}: {c.Command.Access.ToWireName()} instead of {expected}"));
            }
        }
        Assert.Empty(wrong);
    }

    private static bool ModelHasOperation(string botocoreService, string operation)
    {
        var service = AwsCatalogue.Default.LoadAll().FirstOrDefault(s => s.BotocoreName == botocoreService && s.AliasOf is null);
        return service is not null && AwsCatalogue.Default.GetDetail(service).Operations.ContainsKey(operation);
    }

    [Theory]
    [InlineData("secretsmanager", "get-secret-value")]
    [InlineData("ssm", "get-parameter")]
    [InlineData("ssm", "get-parameters")]
    [InlineData("ssm", "get-parameters-by-path")]
    [InlineData("ec2", "get-password-data")]
    [InlineData("ecr", "get-authorization-token")]
    [InlineData("ecr", "get-login-password")]
    [InlineData("sts", "assume-role")]
    [InlineData("sts", "assume-role-with-saml")]
    [InlineData("sts", "assume-role-with-web-identity")]
    [InlineData("sts", "get-session-token")]
    [InlineData("sts", "get-federation-token")]
    [InlineData("cognito-identity", "get-credentials-for-identity")]
    [InlineData("sso", "get-role-credentials")]
    [InlineData("kms", "decrypt")]
    [InlineData("configure", "get")]
    [InlineData("eks", "get-token")]
    [InlineData("rds", "generate-db-auth-token")]
    public void Secret_revealing_and_credential_minting_reads_are_sensitive(string service, string command) =>
        Assert.Equal(AccessClass.SensitiveRead, AwsCatalogue.Default.FindCommand(service, command)!.Access);

    [Theory]
    [InlineData("ec2", "describe-instances", AccessClass.Read)]
    [InlineData("s3api", "list-buckets", AccessClass.Read)]
    [InlineData("s3api", "head-object", AccessClass.Read)]
    [InlineData("ec2", "wait instance-running", AccessClass.Read)]
    [InlineData("s3", "ls", AccessClass.Read)]
    [InlineData("s3", "presign", AccessClass.SensitiveRead)]
    [InlineData("configure", "list", AccessClass.Read)]
    [InlineData("ec2", "run-instances", AccessClass.Write)]
    [InlineData("dynamodb", "create-table", AccessClass.Write)]
    [InlineData("lambda", "invoke", AccessClass.Write)]
    [InlineData("s3", "cp", AccessClass.Write)]
    [InlineData("configure", "set", AccessClass.Write)]
    [InlineData("sqs", "receive-message", AccessClass.Write)]
    [InlineData("stepfunctions", "get-activity-task", AccessClass.Write)]
    [InlineData("ec2", "terminate-instances", AccessClass.Destructive)]
    [InlineData("s3api", "delete-bucket", AccessClass.Destructive)]
    [InlineData("dynamodb", "delete-table", AccessClass.Destructive)]
    [InlineData("iam", "delete-user", AccessClass.Destructive)]
    [InlineData("s3", "rm", AccessClass.Destructive)]
    [InlineData("s3", "rb", AccessClass.Destructive)]
    public void Commands_have_the_expected_class(string service, string command, AccessClass expected) =>
        Assert.Equal(expected, AwsCatalogue.Default.FindCommand(service, command)!.Access);

    [Fact]
    public void Every_wait_command_is_read()
    {
        var waits = AwsCatalogue.Default.LoadAll().SelectMany(s => s.Commands).Where(c => c.Kind == CommandKind.Waiter).ToList();
        Assert.True(waits.Count >= 363);
        Assert.All(waits, c => Assert.Equal(AccessClass.Read, c.Access));
    }
}
