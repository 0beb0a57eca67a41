namespace AwsMcpTyped.Catalogue;

/// <summary>
/// Where an installed AWS CLI reads its service models, in the order botocore's loader searches them: the folders of
/// <c>AWS_DATA_PATH</c>, then <c>~/.aws/models</c> (where <c>aws configure add-model</c> writes), then the CLI's own
/// data folder. <see cref="AwsCatalogue.InStepWith"/> reads them where they differ from the built catalogue.
/// </summary>
/// <param name="CliVersion">The installed CLI's version (2.35.1).</param>
/// <param name="BuiltInModels">The CLI's own <c>botocore/data</c> folder, or null when it was not found.</param>
/// <param name="ExtraModels">The folders searched before it that exist, in search order.</param>
public sealed record InstalledCliModels(Version CliVersion, string? BuiltInModels, IReadOnlyList<string> ExtraModels)
{
    /// <summary>The search path of a CLI that runs with <paramref name="awsDataPath"/> (AWS_DATA_PATH, folders joined
    /// by the path separator; <c>~</c> expanded as botocore does) and the home folder <paramref name="home"/>.</summary>
    public static InstalledCliModels For(Version cliVersion, string? builtInModels, string? awsDataPath, string? home)
    {
        var extra = new List<string>();
        foreach (var entry in (awsDataPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            extra.Add(ExpandHome(entry, home));
        if (!string.IsNullOrEmpty(home))
            extra.Add(Path.Combine(home, ".aws", "models"));
        return new InstalledCliModels(cliVersion, builtInModels,
            extra.Where(Directory.Exists).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList());
    }

    private static string ExpandHome(string path, string? home) =>
        home is not null && (path == "~" || path.StartsWith("~/", StringComparison.Ordinal)) ? home + path[1..] : path;
}

/// <summary>Where a command of a catalogue view in step with an installed CLI (<see cref="AwsCatalogue.InStepWith"/>)
/// comes from.</summary>
public enum CommandOrigin
{
    /// <summary>The built catalogue, and the installed CLI has it the same way.</summary>
    Catalogue,

    /// <summary>Only the installed CLI's models have it (the CLI is newer, or a model was added to it).</summary>
    InstalledModels,

    /// <summary>The built catalogue has it but the installed CLI does not (the CLI is older, or the command was
    /// withdrawn since the catalogue was built).</summary>
    MissingFromInstalledCli,
}
