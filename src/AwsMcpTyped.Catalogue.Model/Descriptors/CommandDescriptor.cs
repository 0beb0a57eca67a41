namespace AwsMcpTyped.Catalogue;

/// <summary>One CLI command of a service, with its arguments and access class.</summary>
/// <param name="Name">As the CLI spells it: <c>describe-instances</c>, <c>wait instance-running</c>, <c>cp</c>.</param>
/// <param name="Operation">The botocore operation it calls; null for customizations that call none or several.</param>
/// <param name="Actions">The IAM actions the command may perform, spelled as the IAM Service Authorization Reference
/// spells them (<c>s3:DeleteBucket</c>): an operation's own, a waiter's polled operation's, or the union over a
/// customization's argument forms; empty when it calls nothing in AWS (or IAM does not authorize the call).</param>
public sealed record CommandDescriptor(
    string Name,
    string? Operation,
    CommandKind Kind,
    AccessClass Access,
    CommandFlags Flags,
    IReadOnlyList<string> Actions,
    IReadOnlyList<ArgumentDescriptor> Arguments)
{
    public bool IsHidden => (Flags & CommandFlags.Hidden) != 0;

    /// <summary>The CLI versions that have this command.</summary>
    public CliDialects Dialects { get; init; } = CliDialects.All;

    /// <summary>The one-line summary lives in the service detail, loaded on demand.</summary>
    public ArgumentDescriptor? FindArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (string.Equals(argument.Name, name, StringComparison.Ordinal))
                return argument;
        }
        return null;
    }
}
