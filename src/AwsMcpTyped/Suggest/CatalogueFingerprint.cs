using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// Identifies the catalogue a precomputed index was built from: the botocore version and the catalogue's content
/// hash (SHA-256 over every generated command table and detail resource, computed at build time and stored as
/// assembly metadata). Assembly MVIDs are not used: they differ between a RID build and the host build of the same
/// sources, and the index is computed by a host-built tool.
/// </summary>
internal static class CatalogueFingerprint
{
    public static string Of(AwsCatalogue catalogue) => $"botocore={catalogue.BotocoreVersion};content={catalogue.ContentHash}";
}
