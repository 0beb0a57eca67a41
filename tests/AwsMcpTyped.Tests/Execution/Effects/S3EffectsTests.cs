namespace AwsMcpTyped.Tests.Execution.Effects;

/// <summary>The s3 customizations' actions and class by the direction of their paths and their flags.</summary>
public sealed class S3EffectsTests
{
    public static TheoryData<string, string, string> Rows => new()
    {
        { "aws s3 cp s3://b/k -", "read", "s3:GetObject" },
        { "aws s3 cp s3://b/k out.txt", "read", "s3:GetObject" },
        { "aws s3 cp s3://b/p/ out --recursive", "read", "s3:GetObject s3:ListBucket" },
        { "aws s3 cp in.txt s3://b/k", "write", "s3:PutObject" },
        { "aws s3 cp in.txt s3://b/k --acl public-read", "write", "s3:PutObject s3:PutObjectAcl" },
        { "aws s3 cp s3://a/k s3://b/k", "write", "s3:GetObject s3:PutObject" },
        { "aws s3 cp s3://a/p/ s3://b/p/ --recursive", "write", "s3:GetObject s3:ListBucket s3:PutObject" },
        // The CLI matches s3:// case-sensitively: S3://b/k is a local path, local to local is no s3 direction.
        { "aws s3 cp S3://b/k -", "write", "-" },
        { "aws s3 mv s3://b/k out.txt", "destructive", "s3:DeleteObject s3:GetObject" },
        { "aws s3 mv in.txt s3://b/k", "write", "s3:PutObject" },
        { "aws s3 mv s3://a/p/ s3://b/p/ --recursive", "destructive", "s3:DeleteObject s3:GetObject s3:ListBucket s3:PutObject" },
        { "aws s3 rm s3://b/k", "destructive", "s3:DeleteObject" },
        { "aws s3 rm s3://b/p/ --recursive", "destructive", "s3:DeleteObject s3:ListBucket" },
        { "aws s3 sync s3://b/p out", "read", "s3:GetObject s3:ListBucket" },
        { "aws s3 sync s3://b/p out --delete", "destructive", "s3:GetObject s3:ListBucket" },
        { "aws s3 sync out s3://b/p", "write", "s3:ListBucket s3:PutObject" },
        { "aws s3 sync out s3://b/p --delete", "destructive", "s3:DeleteObject s3:ListBucket s3:PutObject" },
        { "aws s3 sync s3://a/p s3://b/p", "write", "s3:GetObject s3:ListBucket s3:PutObject" },
        { "aws s3 sync s3://a/p s3://b/p --delete", "destructive", "s3:DeleteObject s3:GetObject s3:ListBucket s3:PutObject" },
        { "aws s3 rb s3://b", "destructive", "s3:DeleteBucket" },
        { "aws s3 rb s3://b --force", "destructive", "s3:DeleteBucket s3:DeleteObject s3:ListBucket" },
        { "aws s3 mb s3://b", "write", "s3:CreateBucket" },
        { "aws s3 ls s3://b", "read", "s3:ListBucket" },
        { "aws s3 ls s3://b/p/ --recursive", "read", "s3:ListBucket" },
        { "aws s3 ls", "read", "s3:ListAllMyBuckets" },
        { "aws s3 ls s3://", "read", "s3:ListAllMyBuckets" }, // awscli reads a path without a bucket as every bucket
        { "aws s3 presign s3://b/k", "sensitive-read", "-" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void S3_effects_follow_the_direction_and_flags(string line, string access, string actions) =>
        EffectsHarness.Check(line, access, actions);
}
