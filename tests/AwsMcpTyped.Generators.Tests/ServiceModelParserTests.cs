using AwsMcpTyped.Generators.Parsing;

namespace AwsMcpTyped.Generators.Tests;

/// <summary>The .svcmodel v3 dialects field: parsed into the equatable model on service, command and arg records, and
/// a diagnostic for anything but <c>-</c>, <c>V1</c> or <c>V2</c>.</summary>
public sealed class ServiceModelParserTests
{
    private const string Model = "# awscat service model v3\n" +
                                 "service\tgleam\t-\t-\t-\t-\tGleam\tV2\n" +
                                 "command\tshow\t-\tCustom\tRead\tNone\t-\t-\n" +
                                 "arg\t--bright\t-\tBoolean\tNone\tV1\n" +
                                 "arg\t--bright\t-\tBoolean\tRequired\tV2\n" +
                                 "arg\t--dim\t-\tBoolean\tNone\t-\n" +
                                 "command\tlogout\tLogout\tOperation\tWrite\tNone\tgleam:Logout\tV1\n" +
                                 "command\tlogout\t-\tCustom\tWrite\tNone\t-\tV2\n" +
                                 "command\t-\t-\tCustom\tRead\tNone\t-\tV2\n";

    [Fact]
    public void Dialects_are_parsed_on_every_record()
    {
        var result = ServiceModelParser.Parse("/m/gleam.svcmodel", Model);
        Assert.Null(result.Error);
        var spec = result.Spec!;
        Assert.Equal("V2", spec.Dialects);
        Assert.Equal(["All", "V1", "V2", "V2"], spec.Commands.Select(c => c.Dialects));
        Assert.Equal(["V1", "V2", "All"], spec.Commands[0].Arguments.Select(a => a.Dialects));
        Assert.Equal(["None", "Required", "None"], spec.Commands[0].Arguments.Select(a => a.Flags));
    }

    [Fact]
    public void A_name_listed_once_per_version_is_one_constant_and_the_empty_name_is_TopLevel()
    {
        var commands = ServiceModelParser.Parse("/m/gleam.svcmodel", Model).Spec!.Commands;
        Assert.Equal(["show", "logout", "logout", ""], commands.Select(c => c.Name));
        Assert.Equal(["Show", "Logout", "Logout", "TopLevel"], commands.Select(c => c.ConstantName));
    }

    [Theory]
    [InlineData("service\tgleam\t-\t-\t-\t-\tGleam\tv2\n", 2)]
    [InlineData("service\tgleam\t-\t-\t-\t-\tGleam\t-\ncommand\tshow\t-\tCustom\tRead\tNone\t-\tAll\n", 3)]
    [InlineData("service\tgleam\t-\t-\t-\t-\tGleam\t-\ncommand\tshow\t-\tCustom\tRead\tNone\t-\t-\narg\t--x\t-\tString\tNone\tV1,V2\n", 4)]
    public void An_unknown_dialects_value_is_a_diagnostic(string records, int line)
    {
        var result = ServiceModelParser.Parse("/m/gleam.svcmodel", "# awscat service model v3\n" + records);
        Assert.Null(result.Spec);
        Assert.Equal(line, result.Error!.Line);
        Assert.StartsWith("unknown dialects", result.Error.Message);
    }

    [Fact]
    public void A_v2_model_without_the_dialects_field_is_refused()
    {
        var result = ServiceModelParser.Parse("/m/old.svcmodel", "# awscat service model v2\nservice\told\t-\t-\t-\t-\t-\n");
        Assert.Contains("missing header '# awscat service model v3'", result.Error!.Message);
    }
}
