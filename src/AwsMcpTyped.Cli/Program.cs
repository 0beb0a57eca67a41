using System.CommandLine;
using System.Runtime.InteropServices;
using AwsMcpTyped.Cli.Commands;

var root = new RootCommand("awsmcp: the AwsMcpTyped AWS CLI catalogue and tools.")
{
    DescribeCommand.Create(),
    CatalogueCommand.Create(),
    ExecCommand.Create(),
    ServeCommand.Create(),
};
root.SetAction((_, cancellationToken) => ServeCommand.RunAsync(cancellationToken));

// SIGTERM (docker stop, systemd, a client closing the server) and Ctrl+C stop the server and any running command cleanly.
using var stopping = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
return await root.Parse(args).InvokeAsync(cancellationToken: stopping.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
