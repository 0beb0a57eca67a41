using System.CommandLine;
using AwsMcpTyped.Cli.Commands;

var root = new RootCommand("awsmcp: the AwsMcpTyped AWS CLI catalogue and tools.")
{
    DescribeCommand.Create(),
    CatalogueCommand.Create(),
    ExecCommand.Create(),
    ServeCommand.Create(),
};
root.SetAction((_, cancellationToken) => ServeCommand.RunAsync(cancellationToken));
return root.Parse(args).Invoke();
