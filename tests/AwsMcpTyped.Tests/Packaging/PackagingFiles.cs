using System.Text.RegularExpressions;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>The checked-in packaging files, read from the repository root.</summary>
internal static class PackagingFiles
{
    public static string Dockerfile => File.ReadAllText(RepoPaths.Combine("Dockerfile"));
    public static string DockerIgnore => File.ReadAllText(RepoPaths.Combine(".dockerignore"));
    public static string Compose => File.ReadAllText(RepoPaths.Combine("docker-compose.yml"));
    public static string ComposeHttp => File.ReadAllText(RepoPaths.Combine("docker-compose.http.yml"));
    public static string Readme => File.ReadAllText(RepoPaths.Combine("README.md"));

    /// <summary>The image user's home, as the Dockerfile's useradd creates it.</summary>
    public static string Home(string dockerfile) =>
        Regex.Match(dockerfile, @"useradd\b[^&;]*--home-dir\s+(\S+)") is { Success: true } m ? m.Groups[1].Value : "(no --home-dir)";
}
