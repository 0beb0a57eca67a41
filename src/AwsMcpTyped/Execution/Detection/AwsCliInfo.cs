using AwsMcpTyped.Execution.Effects;

namespace AwsMcpTyped.Execution.Detection;

/// <summary>How the AWS CLI was installed, which decides where its files are.</summary>
public enum AwsCliInstallKind
{
    /// <summary>Neither layout below was recognised; only <c>aws --version</c> answered.</summary>
    Unknown,

    /// <summary>AWS CLI v1 as a Python script (pip, pipx, a distribution package): models in
    /// <c>&lt;site-packages&gt;/botocore/data</c>, compressed (<c>service-2.json.gz</c>).</summary>
    PythonV1,

    /// <summary>AWS CLI v2 as a Python script (Debian's <c>awscli</c> package, a source build): models in
    /// <c>&lt;dist-packages&gt;/awscli/botocore/data</c>.</summary>
    PythonV2,

    /// <summary>The official v2 installer: a PyInstaller bundle under <c>…/aws-cli/v2/&lt;version&gt;/dist</c>, models in
    /// <c>dist/awscli/botocore/data</c> as plain <c>service-2.json</c>.</summary>
    OfficialInstaller,
}

/// <summary>What the installed AWS CLI is, detected once per executable and environment
/// (<see cref="AwsCliInstallation.DetectAsync(CancellationToken)"/>).</summary>
/// <param name="ConfiguredPath">The executable as found (AWS_MCP_AWS_CLI, or <c>aws</c> on PATH).</param>
/// <param name="RealPath"><paramref name="ConfiguredPath"/> with every symbolic link followed.</param>
/// <param name="Version">The CLI's full version (1.45.11, 2.9.19).</param>
/// <param name="BotocoreVersion">The botocore it runs, when known (v2 bundles its own fork, e.g. 2.0.0dev155).</param>
/// <param name="InstallKind">How it was installed.</param>
/// <param name="ModelsDirectory">Where its service models are (<c>botocore/data</c>), or null when not found.</param>
/// <param name="Python">The interpreter of a Python-script install, when known.</param>
public sealed record AwsCliInfo(
    string ConfiguredPath,
    string RealPath,
    Version Version,
    string? BotocoreVersion,
    AwsCliInstallKind InstallKind,
    string? ModelsDirectory,
    string? Python = null)
{
    /// <summary>The major version: 1 or 2.</summary>
    public int Major => Version.Major;

    /// <summary>How this CLI picks its profile and region.</summary>
    public AwsCliDialect Dialect => AwsCliDialect.ForMajor(Major);
}
