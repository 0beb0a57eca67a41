using System.CommandLine;
using AwsMcpTyped.Cli.Commands;

var root = new RootCommand("awsmcp: the AwsMcpTyped AWS CLI catalogue and tools.")
{
    DescribeCommand.Create(),
    CatalogueCommand.Create(),
    ExecCommand.Create(),
};
return root.Parse(args).Invoke();
