using System.Diagnostics;
using System.Text.Json;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>
/// What the image's AWS CLI must be, read from the files that decide it so that no test repeats them: the AWS CLI v2
/// version the catalogue was generated from (generators/data/v2/cli-customizations.json, <c>awscli</c>), and the
/// fingerprint of the key in docker/aws-cli-public-key.asc as gpg reads it from the file.
/// </summary>
internal sealed record AwsCliPins(string Version, string KeyFingerprint)
{
    public const string KeyFile = "docker/aws-cli-public-key.asc";

    private static readonly Lazy<AwsCliPins> FromRepository = new(() => new(CatalogueVersion(), KeyFileFingerprint()));

    public static AwsCliPins Repository => FromRepository.Value;

    private static string CatalogueVersion()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("generators", "data", "v2", "cli-customizations.json")));
        return json.RootElement.GetProperty("awscli").GetString() ?? throw new InvalidDataException("cli-customizations.json: no awscli version");
    }

    /// <summary>The primary key fingerprint of the one key in the file. A scratch home: showing a key must not create
    /// or change the user's keyring.</summary>
    private static string KeyFileFingerprint()
    {
        var home = Directory.CreateTempSubdirectory("packaging-gpg-");
        try
        {
            var start = new ProcessStartInfo("gpg")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var argument in new[] { "--homedir", home.FullName, "--batch", "--with-colons", "--import-options", "show-only", "--import", RepoPaths.Combine(KeyFile) })
                start.ArgumentList.Add(argument);
            using var gpg = Process.Start(start) ?? throw new InvalidOperationException("gpg did not start");
            var stderr = gpg.StandardError.ReadToEndAsync();
            var output = gpg.StandardOutput.ReadToEnd();
            if (!gpg.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                gpg.Kill(entireProcessTree: true);
                throw new TimeoutException("gpg --import-options show-only did not finish");
            }
            if (gpg.ExitCode != 0)
                throw new InvalidOperationException($"gpg exited {gpg.ExitCode}: {stderr.Result}");
            var primaries = PrimaryFingerprints(output);
            return primaries.Count == 1
                ? primaries[0]
                : throw new InvalidDataException($"{KeyFile}: expected one public key, gpg shows {primaries.Count}");
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>The fingerprint record right after each <c>pub</c> record of gpg's colon listing (subkeys have their
    /// own <c>sub</c>/<c>fpr</c> pairs and are not keys of their own).</summary>
    public static IReadOnlyList<string> PrimaryFingerprints(string colonListing)
    {
        var fingerprints = new List<string>();
        var afterPrimary = false;
        foreach (var fields in colonListing.Split('\n').Select(l => l.Split(':')))
        {
            if (fields[0] is "pub")
                afterPrimary = true;
            else if (fields[0] is "sub")
                afterPrimary = false;
            else if (fields[0] is "fpr" && afterPrimary && fields.Length > 9)
            {
                fingerprints.Add(fields[9]);
                afterPrimary = false;
            }
        }
        return fingerprints;
    }
}
