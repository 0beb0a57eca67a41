using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Tests.Catalogue;

/// <summary>Arguments carrying secrets (botocore <c>"sensitive": true</c> shapes, directly or nested) are flagged,
/// and the detail marks the members, so values can be masked wherever they are echoed.</summary>
public sealed class SensitiveArgumentTests
{
    private static ArgumentDescriptor Argument(string service, string command, string argument) =>
        AwsCatalogue.Default.FindCommand(service, command)!.FindArgument(argument)!;

    [Theory]
    [InlineData("ssm", "put-parameter", "--value")]
    [InlineData("kms", "encrypt", "--plaintext")]
    [InlineData("secretsmanager", "create-secret", "--secret-string")]
    [InlineData("secretsmanager", "put-secret-value", "--secret-string")]
    [InlineData("rds", "create-db-instance", "--master-user-password")]
    [InlineData("lambda", "create-function", "--environment")] // a structure whose map values are sensitive
    [InlineData("iam", "create-login-profile", "--password")]
    public void Secret_arguments_are_sensitive(string service, string command, string argument) =>
        Assert.True(Argument(service, command, argument).IsSensitive, $"{service} {command} {argument}");

    [Theory]
    [InlineData("ssm", "put-parameter", "--name")]
    [InlineData("ssm", "put-parameter", "--type")]
    [InlineData("rds", "create-db-instance", "--db-instance-identifier")]
    [InlineData("ec2", "describe-instances", "--instance-ids")]
    [InlineData("ssm", "put-parameter", "--cli-input-json")]
    public void Ordinary_arguments_are_not_sensitive(string service, string command, string argument) =>
        Assert.False(Argument(service, command, argument).IsSensitive, $"{service} {command} {argument}");

    [Fact]
    public void The_detail_marks_sensitive_members_for_masking_inside_cli_input_json()
    {
        var service = AwsCatalogue.Default.FindService("ssm")!;
        var detail = AwsCatalogue.Default.GetDetail(service);
        var input = detail.Shapes[detail.Operations["PutParameter"].Input!];
        Assert.True(input.Members!.Single(m => m.Name == "Value").Sensitive);
        Assert.False(input.Members!.Single(m => m.Name == "Name").Sensitive);
        Assert.True(detail.Shapes[input.Members!.Single(m => m.Name == "Value").Shape].Sensitive);
    }
}
