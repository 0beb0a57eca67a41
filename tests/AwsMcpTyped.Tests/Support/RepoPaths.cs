namespace AwsMcpTyped.Tests.Support;

/// <summary>Locates checked-in data (golden files, generators/data) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The built awsmcp.dll next to the tests (the Cli project is referenced, so it is copied here).</summary>
    public static string AwsmcpDll => Path.Combine(AppContext.BaseDirectory, "awsmcp.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AwsMcpTyped.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("AwsMcpTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
