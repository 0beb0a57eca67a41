using System.CommandLine;
using System.Runtime.InteropServices;
using AwsMcpTyped.Cli.Commands;
using AwsMcpTyped.Execution.Files;

// SIGTERM (docker stop, systemd, a client closing the server) and Ctrl+C stop the server and any running command at
// once: running commands are cancelled and their process trees killed. A server stopped this way exits 0 (the stop
// was asked for and done cleanly; 143/130 would read as failures to supervisors); `exec` exits 130, as cancelled.
using var stopping = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

try
{
    // MCP clients start the server as `awsmcp` or `awsmcp serve`: that path skips building the command tree and warms
    // the SDK on a second core while the catalogue loads, so initialize is answered sooner.
    if (args is [] or ["serve"])
    {
        _ = AwsMcpTyped.Server.ServerWarmup.Start();
        return await ServeCommand.RunAsync(readOnly: false, stopping.Token);
    }

    // Our version and the catalogue's: which botocore models (so which AWS CLI) the commands were generated from.
    if (args is ["--version"])
    {
        Console.WriteLine(ServeCommand.VersionText);
        return 0;
    }

    var root = new RootCommand("awsmcp: an MCP server for the AWS CLI (serve, the default), with the catalogue and the executor on the command line.")
    {
        DescribeCommand.Create(),
        CatalogueCommand.Create(),
        ExecCommand.Create(),
        ServeCommand.Create(),
        DoctorCommand.Create(),
    };
    root.SetAction((_, cancellationToken) => ServeCommand.RunAsync(readOnly: false, cancellationToken));
    return await root.Parse(args).InvokeAsync(cancellationToken: stopping.Token);
}
finally
{
    // Each run would otherwise leave an empty awsmcp-* directory in the temporary folder.
    WorkingDirectory.RemoveTemporaryIfEmpty();
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
