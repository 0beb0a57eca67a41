using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Policy;

/// <summary>What the policy decides about: one AWS CLI command as it will run — its access class and the IAM actions
/// it performs with these arguments (an <c>s3 cp</c> download is a read of s3:GetObject; a PartiQL DELETE is destructive)
/// — and the region and profile the CLI will use (null when they cannot be determined).</summary>
public sealed record PolicySubject(string Service, string Command, AccessClass Access, string? Region, string? Profile, IReadOnlyList<string>? Actions = null)
{
    public string Name => $"{Service}:{Command.Replace(' ', ':')}";

    /// <summary>The IAM actions, <c>prefix:Action</c>; empty for local commands and operations IAM does not list.</summary>
    public IReadOnlyList<string> PerformedActions => Actions ?? [];
}
