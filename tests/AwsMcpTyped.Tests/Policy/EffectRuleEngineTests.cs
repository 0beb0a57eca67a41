using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>The engine's rule forms against the real catalogue's actions, without processes: command rules stand for the
/// actions of the single-action operations they name, action rules match actions, deny needs any action, an allow-list
/// needs every action, and the sensitive-read exception needs a rule naming the command.</summary>
public sealed class EffectRuleEngineTests
{
    private static PolicyEngine Engine(string? deny = null, string? allow = null, bool readOnly = false) => new(new SafetyPolicy
    {
        Deny = PolicyRuleParser.ParseList(deny, "AWS_MCP_DENY"),
        Allow = PolicyRuleParser.ParseList(allow, "AWS_MCP_ALLOW"),
        ReadOnly = readOnly,
        Consent = ConsentMode.Off,
    }, CatalogueRuleActions.For(AwsCatalogue.Default));

    private static PolicySubject Subject(string service, string command, params string[] actions)
    {
        var descriptor = AwsCatalogue.Default.FindCommand(service, command) ?? throw new ArgumentException($"{service} {command}");
        return new PolicySubject(service, command, descriptor.Access, "us-east-1", "default", actions.Length > 0 ? actions : descriptor.Actions);
    }

    [Theory]
    [InlineData("s3:DeleteBucket", RuleTarget.Action, "s3", "DeleteBucket")]
    [InlineData("iam:Delete*", RuleTarget.Action, "iam", "Delete*")]
    [InlineData("*:Delete*@region=eu-*", RuleTarget.Action, "*", "Delete*")]
    [InlineData("dynamodb:PartiQL*", RuleTarget.Action, "dynamodb", "PartiQL*")]
    [InlineData("s3api:delete-bucket", RuleTarget.Command, "s3api", "delete-bucket")]
    [InlineData("IAM:Delete-*", RuleTarget.Command, "IAM", "Delete-*")] // a '-' makes it a (mis-cased) command
    [InlineData("ec2:wait:instance-running", RuleTarget.Command, "ec2", "wait instance-running")]
    [InlineData("ec2", RuleTarget.Command, "ec2", "*")]
    public void Rule_forms_are_told_apart(string text, RuleTarget target, string service, string command)
    {
        var rule = PolicyRuleParser.Parse(text, "test");
        Assert.Equal((target, service, command), (rule.Target, rule.Service.Pattern, rule.Command.Pattern));
    }

    [Theory]
    [InlineData("s3:Delete_Bucket")]
    [InlineData("s3:DeleteBucket:x")]
    [InlineData("@region=eu-*@region=us-*")]
    public void Malformed_rules_are_refused_with_the_rule_named(string text) =>
        Assert.Contains($"'{text}'", Assert.Throws<FormatException>(() => PolicyRuleParser.Parse(text, "test")).Message);

    [Fact]
    public void A_policy_file_object_can_name_an_action_in_any_case()
    {
        var file = PolicyFile.Parse("deny:\n  - {action: \"kms:*\", region: \"eu-*\"}\n", "p.yaml");
        var rule = Assert.Single(file.Deny);
        Assert.Equal((RuleTarget.Action, "kms:*@region=eu-*"), (rule.Target, rule.Text));
        Assert.Throws<FormatException>(() => PolicyFile.Parse("deny:\n  - {action: \"kms:*\", command: \"kms:*\"}\n", "p.yaml"));
    }

    [Theory]
    [InlineData("s3api:delete-bucket", "s3", "rb", "s3:DeleteBucket")]
    [InlineData("s3:DeleteBucket", "s3", "rb", "s3:DeleteBucket")]
    [InlineData("s3api:delete-object", "s3", "rm", "s3:DeleteObject")]
    [InlineData("*:Delete*", "s3", "rm", "s3:DeleteObject")]
    [InlineData("dynamodb:delete-item", "dynamodb", "execute-statement", "dynamodb:DeleteItem")]
    [InlineData("dynamodb:PartiQL*", "dynamodb", "execute-statement", "dynamodb:PartiQLDelete")]
    public void A_deny_rule_stops_every_spelling_of_the_effect(string deny, string service, string command, string action)
    {
        var actions = command == "execute-statement" ? new[] { "dynamodb:PartiQLDelete", "dynamodb:DeleteItem" } : [action];
        var decision = Engine(deny).Decide(Subject(service, command, actions));
        Assert.Equal(PolicyVerdict.Denied, decision.Verdict);
        Assert.Contains($"'{deny}' (AWS_MCP_DENY)", decision.Reason);
        Assert.Contains("it performs", decision.Reason);
    }

    [Theory]
    [InlineData("s3:sync", "s3api", "get-object")] // a customization's rule is its name only
    [InlineData("s3api:copy-object", "s3api", "get-object")] // a two-action operation's rule is its name only
    [InlineData("iam:delete-*", "s3api", "delete-bucket")]
    [InlineData("s3:PutObject", "s3api", "get-object")]
    [InlineData("s3:DeleteBucket@region=eu-*", "s3api", "delete-bucket")]
    public void A_deny_rule_leaves_other_effects_alone(string deny, string service, string command) =>
        Assert.Equal(PolicyVerdict.Allowed, Engine(deny).Decide(Subject(service, command)).Verdict);

    [Fact]
    public void An_allow_list_needs_every_action_covered()
    {
        var engine = Engine(allow: "s3:GetObject,s3:ListBucket");
        Assert.Equal(PolicyVerdict.Allowed, engine.Decide(Subject("s3", "cp", "s3:GetObject")).Verdict);
        var upload = engine.Decide(Subject("s3", "cp", "s3:PutObject"));
        Assert.Equal(PolicyVerdict.Denied, upload.Verdict);
        Assert.Contains("it performs s3:PutObject, which no allow rule covers", upload.Reason);
        Assert.Equal(PolicyVerdict.Denied, engine.Decide(Subject("s3", "sync", "s3:ListBucket", "s3:GetObject", "s3:PutObject")).Verdict);
        Assert.Equal(PolicyVerdict.Allowed, Engine(allow: "s3api:get-object,s3api:list-objects").Decide(Subject("s3", "cp", "s3:GetObject")).Verdict);
    }

    [Fact]
    public void Only_a_rule_naming_a_sensitive_read_lifts_it_in_read_only_mode()
    {
        var presign = Subject("s3", "presign");
        Assert.Equal(AccessClass.SensitiveRead, presign.Access);
        Assert.Equal(PolicyVerdict.Denied, Engine(allow: "*,s3:GetObject", readOnly: true).Decide(presign).Verdict);
        Assert.Equal(PolicyVerdict.Denied, Engine(allow: "*,s3api:get-object", readOnly: true).Decide(presign).Verdict);
        Assert.Equal(PolicyVerdict.Allowed, Engine(allow: "*,s3:presign", readOnly: true).Decide(presign).Verdict);
    }

    [Fact]
    public void Withheld_tools_say_why()
    {
        var engine = Engine(readOnly: true);
        var delete = AwsCatalogue.Default.FindCommand("s3api", "delete-bucket")!;
        Assert.False(engine.MayList("s3api", delete));
        Assert.Contains("AWS_MCP_READ_ONLY=true", engine.WhyUnlisted("s3api", delete)!.Reason);
        Assert.Null(engine.WhyUnlisted("s3api", AwsCatalogue.Default.FindCommand("s3api", "list-buckets")!));
        Assert.False(Engine("s3:DeleteBucket").MayList("s3api", delete));
    }
}
