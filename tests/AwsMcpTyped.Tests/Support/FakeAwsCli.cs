namespace AwsMcpTyped.Tests.Support;

/// <summary>A stand-in for the AWS CLI (AWS_MCP_AWS_CLI): a Python script, so that its command line (and so the marker a
/// test puts in the aws arguments) stays visible in /proc while it runs. <see cref="Sleeping"/> blocks like a CLI waiting
/// on a slow service, for tests that stop the server while a command runs.</summary>
internal sealed class FakeAwsCli : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("awsmcp-test-cli-").FullName;

    private FakeAwsCli(string body)
    {
        Path = System.IO.Path.Combine(_directory, "aws");
        File.WriteAllText(Path, "#!/usr/bin/python3\nimport sys, time, os\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The script: set AWS_MCP_AWS_CLI to it.</summary>
    public string Path { get; }

    /// <summary>Prints one line, then sleeps ten minutes without writing.</summary>
    public static FakeAwsCli Sleeping() => new("print('started', flush=True)\ntime.sleep(600)");

    /// <summary>Runs the given Python statements (sys, time and os are imported).</summary>
    public static FakeAwsCli Running(string body) => new(body);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
