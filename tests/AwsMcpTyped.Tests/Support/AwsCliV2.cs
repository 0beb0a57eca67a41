namespace AwsMcpTyped.Tests.Support;

/// <summary>
/// The AWS CLI v2 that CI installs beside v1 (Debian's awscli 2.9.19 at /opt/awscli-v2, scripts/cli/install-awscli-v2.sh),
/// behind a one-line wrapper so that it runs like an installed <c>aws</c>. It predates AWS_ENDPOINT_URL (2.13): commands
/// sent to moto must say <c>--endpoint-url</c>.
/// </summary>
public static class AwsCliV2
{
    private static readonly Lazy<string> s_wrapper = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("awscli-v2-").FullName;
        var path = Path.Combine(directory, "aws");
        File.WriteAllText(path, "#!/bin/sh\nPYTHONPATH=/opt/awscli-v2/usr/lib/python3/dist-packages exec /usr/bin/python3 /opt/awscli-v2/usr/bin/aws \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    });

    /// <summary>The wrapper's path (created on first use).</summary>
    public static string Executable
    {
        get
        {
            Assert.True(File.Exists("/opt/awscli-v2/usr/bin/aws"), "AWS CLI v2 is not at /opt/awscli-v2: run scripts/cli/install-awscli-v2.sh");
            return s_wrapper.Value;
        }
    }
}
