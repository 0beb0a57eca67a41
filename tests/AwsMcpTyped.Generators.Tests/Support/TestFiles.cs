using System.Runtime.CompilerServices;

namespace AwsMcpTyped.Generators.Tests.Support;

/// <summary>Paths of the test project's checked-in fixtures (found from the source file, not the output folder).</summary>
internal static class TestFiles
{
    public static string ProjectDirectory([CallerFilePath] string caller = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AwsMcpTyped.Generators.Tests.csproj")))
                return dir.FullName;
        }
        throw new InvalidOperationException("test project folder not found from " + caller);
    }

    public static string Fixture(params string[] parts) => Path.Combine([ProjectDirectory(), "Fixtures", .. parts]);

    public static string RepoData => Path.Combine(ProjectDirectory(), "..", "..", "generators", "data");

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "awsmcp-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }
}
