using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Tests.Catalogue;

/// <summary>
/// What the merged catalogue says about the two AWS CLI versions beyond the golden command tables: the versions'
/// stamps, where they disagree about one name, the help and access data of v2-only customizations.
/// </summary>
public sealed class DialectCatalogueTests
{
    private static readonly AwsCatalogue Merged = AwsCatalogue.Default;

    [Fact]
    public void Each_version_is_stamped_at_build_time()
    {
        Assert.Equal("1.45.11", AwsCatalogue.CliVersion(CliDialects.V1));
        Assert.Equal("2.34.50", AwsCatalogue.CliVersion(CliDialects.V2));
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsCatalogue.CliVersion(CliDialects.All));
    }

    [Theory]
    [InlineData("iam", "enable-mfa-device", "--authentication-code1")]
    [InlineData("iam", "resync-mfa-device", "--authentication-code2")]
    [InlineData("lightsail", "import-key-pair", "--public-key-base64")]
    [InlineData("storagegateway", "describe-cached-iscsi-volumes", "--volume-arns")]
    public void An_argument_required_in_one_version_only_is_listed_once_per_version(string service, string command, string argument)
    {
        var forms = Merged.FindCommand(service, command)!.Arguments.Where(a => a.Name == argument).ToList();
        Assert.Equal(2, forms.Count);
        Assert.Equal(CliDialects.All, forms[0].Dialects | forms[1].Dialects);
        Assert.Equal(CliDialects.None, forms[0].Dialects & forms[1].Dialects);
        Assert.NotEqual(forms[0].IsRequired, forms[1].IsRequired);
        Assert.Single(Merged.ForDialect(CliDialects.V1).FindCommand(service, command)!.Arguments, a => a.Name == argument);
        Assert.Single(Merged.ForDialect(CliDialects.V2).FindCommand(service, command)!.Arguments, a => a.Name == argument);
    }

    [Fact]
    public void A_command_that_is_an_operation_in_v1_and_a_customization_in_v2_is_listed_once_per_version()
    {
        Assert.Equal(CommandKind.Operation, Merged.ForDialect(CliDialects.V1).FindCommand("sso", "logout")!.Kind);
        Assert.Equal(CommandKind.Custom, Merged.ForDialect(CliDialects.V2).FindCommand("sso", "logout")!.Kind);
        Assert.Equal([CliDialects.V1, CliDialects.V2], Merged.FindService("sso")!.Commands.Where(c => c.Name == "logout").Select(c => c.Dialects));
    }

    [Fact]
    public void V2_adds_cli_input_yaml_wherever_it_has_cli_input_json()
    {
        var v2 = Merged.ForDialect(CliDialects.V2).FindCommand("ec2", "describe-instances")!;
        Assert.Contains(v2.Arguments, a => a.Name == "--cli-input-yaml");
        Assert.DoesNotContain(Merged.ForDialect(CliDialects.V1).FindCommand("ec2", "describe-instances")!.Arguments, a => a.Name == "--cli-input-yaml");
        Assert.Equal(CliDialects.V2, Merged.FindCommand("ec2", "describe-instances")!.FindArgument("--cli-input-yaml")!.Dialects);
    }

    [Theory]
    [InlineData("logs", "tail", "--follow")]
    [InlineData("configure", "sso", "--use-device-code")]
    [InlineData("ddb", "select", "--key-condition")]
    [InlineData("login", "", "--remote")]
    public void A_v2_only_customization_has_its_help(string service, string command, string argument)
    {
        var descriptor = Merged.FindService(service)!;
        Assert.Equal(CliDialects.V2, descriptor.Commands.Single(c => c.Name == command).Dialects);
        var help = Merged.GetDetail(descriptor).CustomCommands[command];
        Assert.False(string.IsNullOrWhiteSpace(help.HelpPage));
        Assert.Contains(help.Arguments, a => a.Name == argument && !string.IsNullOrWhiteSpace(a.Help));
    }

    [Theory]
    [InlineData("s3", "cp", "--copy-props")]
    [InlineData("s3", "sync", "--no-overwrite")]
    [InlineData("configure", "set", "--sso-session")]
    [InlineData("logs", "start-live-tail", "--mode")]
    public void A_v2_only_argument_of_a_shared_customization_is_documented(string service, string command, string argument)
    {
        var descriptor = Merged.FindService(service)!;
        Assert.Equal(CliDialects.V2, descriptor.Commands.Single(c => c.Name == command).FindArgument(argument)!.Dialects);
        Assert.Contains(Merged.GetDetail(descriptor).CustomCommands[command].Arguments, a => a.Name == argument && !string.IsNullOrWhiteSpace(a.Help));
    }

    [Theory]
    [InlineData("ddb", "select", AccessClass.Read)]
    [InlineData("ddb", "put", AccessClass.Write)]
    [InlineData("sso", "login", AccessClass.SensitiveRead)]
    [InlineData("configure", "export-credentials", AccessClass.SensitiveRead)]
    [InlineData("dsql", "generate-db-connect-auth-token", AccessClass.SensitiveRead)]
    [InlineData("emr-containers", "delete-role-associations", AccessClass.Destructive)]
    [InlineData("cli-dev", "wizard-dev", AccessClass.Destructive)]
    [InlineData("login", "", AccessClass.SensitiveRead)]
    public void V2_only_customizations_have_their_access_class(string service, string command, AccessClass access) =>
        Assert.Equal(access, Merged.ForDialect(CliDialects.V2).FindCommand(service, command)!.Access);
}
