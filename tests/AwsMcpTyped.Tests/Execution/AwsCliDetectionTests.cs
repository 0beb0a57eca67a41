using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Detection;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>AwsCliInstallation.DetectAsync on this machine's three kinds of CLI: v1 from pip (a pyenv shim on PATH), Debian's
/// v2 at /opt/awscli-v2 (PYTHONPATH decides which awscli runs) and an official-installer layout built here.</summary>
public sealed class AwsCliDetectionTests : IDisposable
{
    private const string V2Packages = "/opt/awscli-v2/usr/lib/python3/dist-packages";
    private readonly string _directory = Directory.CreateTempSubdirectory("detect-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Detects_the_pip_v1_on_PATH_with_its_botocore_and_compressed_models()
    {
        var info = await AwsCliV1.Installation.DetectAsync(CancellationToken.None);
        Assert.NotNull(info);
        Assert.Equal(new Version(1, 45, 11), info.Version);
        Assert.Equal("1.43.11", info.BotocoreVersion);
        Assert.Equal(AwsCliInstallKind.PythonV1, info.InstallKind);
        Assert.Equal(1, info.Dialect.Major);
        Assert.EndsWith("/botocore/data", info.ModelsDirectory);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(info.ModelsDirectory!, "sts"), "service-2.json.gz", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Detects_Debians_v2_through_the_PYTHONPATH_the_CLI_gets()
    {
        var cli = new AwsCliInstallation("/opt/awscli-v2/usr/bin/aws");
        var info = await cli.DetectAsync(new Dictionary<string, string?> { ["PYTHONPATH"] = V2Packages }, CancellationToken.None);
        Assert.NotNull(info);
        Assert.Equal(new Version(2, 9, 19), info.Version);
        Assert.Equal(AwsCliInstallKind.PythonV2, info.InstallKind);
        Assert.Equal("/usr/bin/python3", info.Python);
        Assert.Equal(V2Packages + "/awscli/botocore/data", info.ModelsDirectory);
        Assert.Equal(2, info.Dialect.Major);
        // Without that PYTHONPATH the interpreter has no awscli, and the script does not run: nothing to detect.
        Assert.Null(await cli.DetectAsync(new Dictionary<string, string?> { ["PYTHONPATH"] = null }, CancellationToken.None));
    }

    [Fact]
    public async Task A_shell_wrapper_is_asked_its_version()
    {
        var wrapper = Script("wrapper/aws", $"#!/bin/sh\nPYTHONPATH={V2Packages} exec /usr/bin/python3 /opt/awscli-v2/usr/bin/aws \"$@\"\n");
        var info = await new AwsCliInstallation(wrapper).DetectAsync(CancellationToken.None);
        Assert.NotNull(info);
        Assert.Equal(new Version(2, 9, 19), info.Version);
        Assert.Equal(AwsCliInstallKind.Unknown, info.InstallKind);
        Assert.Null(info.ModelsDirectory);
    }

    [Fact]
    public async Task Detects_an_official_installer_layout_from_its_folders_through_symlinks()
    {
        var install = Path.Combine(_directory, "aws-cli", "v2");
        // The script would say another version: the layout, not a process, is what is read.
        Script("aws-cli/v2/2.31.0/dist/aws", "#!/bin/sh\necho 'aws-cli/2.30.0 Python/3.13.7 Linux/6 exe/x86_64'\n");
        Directory.CreateDirectory(Path.Combine(install, "2.31.0", "dist", "awscli", "botocore", "data", "sts", "2011-06-15"));
        Directory.CreateDirectory(Path.Combine(install, "2.31.0", "bin"));
        File.CreateSymbolicLink(Path.Combine(install, "2.31.0", "bin", "aws"), "../dist/aws");
        Directory.CreateSymbolicLink(Path.Combine(install, "current"), "2.31.0");
        Directory.CreateDirectory(Path.Combine(_directory, "bin"));
        var linked = Path.Combine(_directory, "bin", "aws");
        File.CreateSymbolicLink(linked, Path.Combine(install, "current", "bin", "aws"));

        var info = await new AwsCliInstallation(linked).DetectAsync(CancellationToken.None);
        Assert.NotNull(info);
        Assert.Equal(linked, info.ConfiguredPath);
        Assert.Equal(Path.Combine(install, "2.31.0", "dist", "aws"), info.RealPath);
        Assert.Equal(new Version(2, 31, 0), info.Version);
        Assert.Equal(AwsCliInstallKind.OfficialInstaller, info.InstallKind);
        Assert.Equal(Path.Combine(install, "2.31.0", "dist", "awscli", "botocore", "data"), info.ModelsDirectory);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_detection_and_a_cancelled_one_does_not_poison_it()
    {
        var counter = Path.Combine(_directory, "runs");
        var slow = Script("slow/aws", $"#!/bin/sh\necho run >> '{counter}'\nsleep 1\necho 'aws-cli/1.2.3 Python/3.11.7 Linux/6 botocore/1.0.3'\n");
        var cli = new AwsCliInstallation(slow);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cli.DetectAsync(cancel.Token));
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new AwsCliInstallation(slow).DetectAsync(CancellationToken.None)));
        Assert.All(answers, info => Assert.Equal(new Version(1, 2, 3), info!.Version));
        Assert.Equal("1.0.3", answers[0]!.BotocoreVersion);
        Assert.Single(File.ReadAllLines(counter));
    }

    [Fact]
    public async Task A_missing_executable_or_no_version_is_null()
    {
        Assert.Null(await new AwsCliInstallation(Path.Combine(_directory, "missing")).DetectAsync(CancellationToken.None));
        Assert.Null(await new AwsCliInstallation(null).DetectAsync(CancellationToken.None));
        Assert.Null(await new AwsCliInstallation(Script("mute/aws", "#!/bin/sh\necho hello\n")).DetectAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("aws-cli/1.45.11 Python/3.11.7 Linux/6.18.44 botocore/1.43.11", "1.45.11", "3.11.7", "1.43.11")]
    [InlineData("aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44 source/x86_64.debian.12 prompt/off", "2.9.19", "3.11.2", null)]
    [InlineData("aws-cli/2.31.0 Python/3.13.7 Linux/6 exe/x86_64", "2.31.0", "3.13.7", null)]
    public void Parses_version_lines(string text, string version, string python, string? botocore)
    {
        var line = AwsCliVersionLine.Parse(text);
        Assert.Equal(new AwsCliVersionLine(Version.Parse(version), python, botocore), line);
    }

    private string Script(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
