namespace AwsMcpTyped.Tests.Support;

/// <summary>A stand-in for the AWS CLI (AWS_MCP_AWS_CLI): a Python script, so that its command line (and so the marker a
/// test puts in the aws arguments) stays visible in /proc while it runs. <see cref="Sleeping"/> blocks like a CLI waiting
/// on a slow service, for tests that stop the server while a command runs. Every fake answers <c>--version</c> as AWS CLI
/// v1 1.45.11.</summary>
internal sealed class FakeAwsCli : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("awsmcp-test-cli-").FullName;

    private FakeAwsCli(string body)
    {
        Path = System.IO.Path.Combine(_directory, "aws");
        // It answers --version as the v1 on PATH does: the server asks before its first command (which version's
        // tables to validate against), and a real CLI answers at once.
        File.WriteAllText(Path, "#!/usr/bin/python3\nimport sys, time, os\n" +
            "if sys.argv[1:] == ['--version']:\n    print('aws-cli/1.45.11 Python/3.11.7 Linux/6.1 botocore/1.43.11')\n    sys.exit(0)\n" +
            body + "\n");
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
