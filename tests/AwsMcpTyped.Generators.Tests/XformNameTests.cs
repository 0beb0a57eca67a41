using AwsMcpTyped.Catalogue.Building;
using AwsMcpTyped.Generators.Tests.Support;

namespace AwsMcpTyped.Generators.Tests;

/// <summary>The port of botocore.xform_name (the full-scale check is the golden CLI test in AwsMcpTyped.Tests).</summary>
public sealed class XformNameTests
{
    private static readonly XformName Xform = XformName.Load(TestFiles.RepoData);

    [Theory]
    [InlineData("DescribeInstances", "describe-instances")]
    [InlineData("DescribeDBInstances", "describe-db-instances")]
    [InlineData("ListObjectsV2", "list-objects-v2")]
    [InlineData("ListWebACLs", "list-web-acls")]
    [InlineData("GatewayARNs", "gateway-arns")]
    [InlineData("IPv6Address", "i-pv6-address")]
    [InlineData("ETag", "e-tag")]
    [InlineData("DBInstanceIdentifier", "db-instance-identifier")]
    [InlineData("CreateCachediSCSIVolume", "create-cached-iscsi-volume")]
    [InlineData("GetOTelEnrichment", "get-otel-enrichment")]
    [InlineData("already-dashed", "already-dashed")]
    public void Matches_botocore(string name, string expected) => Assert.Equal(expected, Xform.Transform(name));
}
