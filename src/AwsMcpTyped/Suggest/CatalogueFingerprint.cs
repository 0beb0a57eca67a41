using System.Security.Cryptography;
using System.Text;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// Identifies the catalogue a precomputed index was built from, cheaply enough to check at every load: the botocore
/// version, the listed services with their flags, and the size of each embedded detail resource (documentation and
/// examples, compressed; any edit to them changes a size). Counting commands would build every command table
/// (~1 s), so it is not part of it. Assembly MVIDs are not used either: they differ between a RID build and the
/// host build of the same sources, and the index is computed by a host-built tool.
/// </summary>
internal static class CatalogueFingerprint
{
    private const string DetailResourcePrefix = "catalogue/";

    public static string Of(AwsCatalogue catalogue)
    {
        var listing = new StringBuilder();
        var visible = catalogue.VisibleServiceNames.ToHashSet(StringComparer.Ordinal);
        var api = catalogue.ApiServiceNames.ToHashSet(StringComparer.Ordinal);
        foreach (var name in catalogue.ServiceNames)
            listing.Append(name).Append(visible.Contains(name) ? "+v" : "-v").Append(api.Contains(name) ? "+a" : "-a").Append('\n');

        var assembly = typeof(AwsCatalogue).Assembly;
        long detailBytes = 0;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(DetailResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource);
            var length = stream?.Length ?? -1;
            detailBytes += Math.Max(0, length);
            listing.Append(resource).Append(' ').Append(length).Append('\n');
        }
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())))[..16];
        return $"botocore={catalogue.BotocoreVersion};services={catalogue.ServiceNames.Count};details={detailBytes};digest={digest}";
    }
}
