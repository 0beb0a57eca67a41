using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Describe;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Tests.Execution.Dialects;

/// <summary>
/// Validation and describe follow one CLI version: what v2 users write is accepted on v2, what only the other version
/// has is refused with a message that names the version and what to use instead, never "unknown".
/// </summary>
public sealed class CliVersionValidationTests
{
    private static readonly AwsCatalogue V1 = AwsCatalogue.Default.ForDialect(CliDialects.V1);
    private static readonly AwsCatalogue V2 = AwsCatalogue.Default.ForDialect(CliDialects.V2);

    private static Rejection? Check(AwsCatalogue catalogue, string line) =>
        new CommandValidator(catalogue, ExecutionPolicy.Default).Validate(line, 60).Rejection;

    [Theory]
    [InlineData("aws sts get-caller-identity --output yaml")]
    [InlineData("aws sts get-caller-identity --output yaml-stream")]
    [InlineData("aws sts get-caller-identity --output=off")]
    [InlineData("aws lambda invoke --function-name f --payload {\"a\":1} --cli-binary-format raw-in-base64-out out.json")]
    [InlineData("aws s3api list-buckets --no-cli-pager --no-cli-auto-prompt")]
    [InlineData("aws ddb select my-table")]
    [InlineData("aws ddb put my-table {id:1}")]
    [InlineData("aws logs tail /aws/lambda/f --since 1h")]
    [InlineData("aws configure list-profiles")]
    [InlineData("aws dynamodb scan --cli-input-yaml file://scan.yaml")]
    [InlineData("aws dsql generate-db-connect-auth-token --hostname h --region us-east-1")]
    [InlineData("aws sts get-caller-identity --cli-error-format json")]
    public void What_v2_users_write_is_accepted_on_v2(string line) =>
        Assert.Null(Check(V2, line));

    [Theory]
    [InlineData("aws ecr get-login", "'aws ecr get-login' was removed in AWS CLI v2", "get-login-password")]
    [InlineData("aws cloudtrail create-subscription --name t --s3-new-bucket b", "was removed in AWS CLI v2", "create-trail")]
    [InlineData("aws runtime.sagemaker invoke-endpoint --endpoint-name e --body b out", "'aws runtime.sagemaker' was removed in AWS CLI v2", "sagemaker-runtime")]
    [InlineData("aws sts get-caller-identity --v2-debug", "--v2-debug was removed in AWS CLI v2", null)]
    [InlineData("aws deploy create-deployment-group --application-name a --deployment-group-name g --service-role-arn r --ec-2-tag-set x", "--ec-2-tag-set of 'aws deploy create-deployment-group' was removed in AWS CLI v2", null)]
    public void V1_only_names_are_refused_on_v2_with_what_to_use(string line, string says, string? instead)
    {
        var rejection = Check(V2, line);
        Assert.NotNull(rejection);
        Assert.Contains(says, rejection.Message);
        if (instead is not null)
            Assert.Contains(instead, rejection.Message);
        Assert.DoesNotContain("Unknown", rejection.Message);
    }

    [Theory]
    [InlineData("aws logs tail /aws/lambda/f", "'aws logs tail' needs AWS CLI v2", "filter-log-events")]
    [InlineData("aws ddb select my-table", "'aws ddb' needs AWS CLI v2", null)]
    [InlineData("aws configure list-profiles", "'aws configure list-profiles' needs AWS CLI v2", "aws configure list")]
    [InlineData("aws lambda invoke --function-name f --payload x --cli-binary-format raw-in-base64-out out.json", "--cli-binary-format needs AWS CLI v2", "v1 always takes blobs raw")]
    [InlineData("aws s3api list-buckets --no-cli-pager", "--no-cli-pager needs AWS CLI v2", "no pager")]
    [InlineData("aws dynamodb scan --table-name t --cli-input-yaml file://x.yaml", "--cli-input-yaml of 'aws dynamodb scan' needs AWS CLI v2", "--cli-input-json")]
    [InlineData("aws sts get-caller-identity --output off", "--output must be one of json, text, table, yaml, yaml-stream (AWS CLI v1)", null)]
    public void V2_only_names_are_refused_on_v1_with_what_to_use(string line, string says, string? instead)
    {
        var rejection = Check(V1, line);
        Assert.NotNull(rejection);
        Assert.Contains(says, rejection.Message);
        if (instead is not null)
            Assert.Contains(instead, rejection.Message);
    }

    [Theory]
    [InlineData("aws ecr get-login --no-include-email")]
    [InlineData("aws sts get-caller-identity --output yaml")] // the server converts v1's JSON
    [InlineData("aws sts get-caller-identity --v2-debug")]
    public void What_v1_has_is_accepted_on_v1(string line) => Assert.Null(Check(V1, line));

    [Theory]
    [InlineData("aws sts get-caller-identity --cli-auto-prompt", "interactive prompt")]
    [InlineData("aws configure sso", "interactive wizard")]
    [InlineData("aws sso login --profile dev", "run 'aws sso login --profile <profile>' in your terminal")]
    [InlineData("aws login", "browser")]
    [InlineData("aws login --remote", "browser")]
    [InlineData("aws iam wizard new-role", "interactive")]
    [InlineData("aws ec2-instance-connect ssh --instance-id i-1", "ssh client")]
    public void Interactive_v2_commands_are_refused_with_the_reason(string line, string reason)
    {
        var rejection = Check(V2, line);
        Assert.NotNull(rejection);
        Assert.Equal(RejectionKind.Denied, rejection.Kind);
        Assert.Contains(reason, rejection.Message);
    }

    [Fact]
    public void Url_values_are_refused_only_where_the_cli_would_fetch_them()
    {
        const string line = "aws s3api list-objects-v2 --bucket b --prefix http://169.254.169.254/latest/";
        Assert.Contains("would fetch that URL", Check(V1, line)!.Message);
        Assert.Null(Check(V2, line)); // v2 sends the text itself
    }

    [Fact]
    public void An_inline_yaml_document_of_a_command_with_secrets_is_never_shown()
    {
        var (command, _) = new CommandValidator(V2, ExecutionPolicy.Default).Validate(
            "aws secretsmanager create-secret --cli-input-yaml 'Name: n\nSecretString: hunter2-planted'", 60);
        var sensitive = AwsMcpTyped.Execution.Effects.SensitiveInput.Of(command!, V2);
        Assert.NotNull(sensitive.Display);
        Assert.DoesNotContain("hunter2-planted", sensitive.Display);
        Assert.Equal("error: [REDACTED]", sensitive.Redact("error: Name: n\nSecretString: hunter2-planted"));
    }

    [Fact]
    public void The_merged_catalogue_is_read_as_v2()
    {
        Assert.Null(Check(AwsCatalogue.Default, "aws logs tail /g"));
        Assert.Contains("removed in AWS CLI v2", Check(AwsCatalogue.Default, "aws ecr get-login")!.Message);
    }

    [Fact]
    public void Describe_lists_the_global_options_validation_accepts()
    {
        // pages are wrapped at 80 columns: compare with the line breaks read as spaces
        var v1 = string.Join(' ', new CommandDescriber(V1).Describe("sts", "get-caller-identity").Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var v2 = string.Join(' ', new CommandDescriber(V2).Describe("sts", "get-caller-identity").Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--output (json|text|table|yaml|yaml-stream)", v1);
        Assert.DoesNotContain("--cli-binary-format", v1);
        Assert.Contains("--output (json|text|table|yaml|yaml-stream|off)", v2);
        Assert.Contains("--cli-binary-format (base64|raw-in-base64-out)", v2);
        Assert.Contains("Refused here: --cli-auto-prompt, --debug, --no-sign-request, --no-verify-ssl", v2);
        // every option the page offers passes validation, every refused one is refused
        foreach (var option in GlobalOption.For(CliDialects.V2).Values)
        {
            var line = "aws sts get-caller-identity " + option.Name + (option.TakesValue ? " " + (option.Choices?[0] ?? (option.IsInteger ? "5" : option.Name == "--endpoint-url" ? "http://127.0.0.1:1" : "x")) : "");
            if (option.Name == "--version")
                continue; // aws --version runs alone
            Assert.True((Check(V2, line) is null) == (option.DeniedBecause is null), line);
        }
    }

    [Fact]
    public void Describe_says_when_a_command_belongs_to_the_other_version()
    {
        Assert.Contains("needs AWS CLI v2", new CommandDescriber(V1).Describe("logs", "tail").Text);
        Assert.Contains("removed in AWS CLI v2", new CommandDescriber(V2).Describe("ecr", "get-login").Text);
        Assert.Contains("--cli-input-yaml", new CommandDescriber(V2).Describe("dynamodb", "scan").Text);
        Assert.DoesNotContain("--cli-input-yaml", new CommandDescriber(V1).Describe("dynamodb", "scan").Text);
    }
}
