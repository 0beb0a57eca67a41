using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Policy;

/// <summary>What the policy decides about: one AWS CLI command as it will run, with its access class (after
/// argument-dependent adjustments, e.g. an <c>s3 cp</c> download is a read) and the effective region and profile
/// (null when they cannot be determined).</summary>
public sealed record PolicySubject(string Service, string Command, AccessClass Access, string? Region, string? Profile)
{
    /// <summary>The complete IAM actions the command performs with its arguments, when the arguments decide them
    /// (<c>s3 cp</c> to S3: <c>s3:PutObject</c>); null when the catalogue's actions stand.</summary>
    public IReadOnlyList<string>? ArgumentActions { get; init; }

    public string Name => $"{Service}:{Command.Replace(' ', ':')}";
}
