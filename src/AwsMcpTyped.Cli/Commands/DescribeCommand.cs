using System.CommandLine;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Describe;

namespace AwsMcpTyped.Cli.Commands;

/// <summary><c>awsmcp describe &lt;service&gt; [command…] [--parameter NAME]</c>: describe_command on the terminal.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var service = new Argument<string>("service") { Description = "The CLI service: ec2, s3, s3api, configure, …" };
        var command = new Argument<string[]>("command")
        {
            Description = "The command (describe-instances, wait instance-running) or a pattern (describe-*)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var parameter = new Option<string?>("--parameter", "-p") { Description = "One option of the command, e.g. --filters" };
        var describe = new Command("describe", "Help for a service, a command or one of its options, from the built-in catalogue.")
        {
            service, command, parameter,
        };
        describe.SetAction(parse =>
        {
            var words = parse.GetValue(command) ?? [];
            var result = new CommandDescriber(AwsCatalogue.Default).Describe(
                parse.GetValue(service)!, words.Length == 0 ? null : string.Join(' ', words), parse.GetValue(parameter));
            (result.IsError ? Console.Error : Console.Out).Write(result.Text.EndsWith('\n') ? result.Text : result.Text + "\n");
            return result.IsError ? 1 : 0;
        });
        return describe;
    }
}
