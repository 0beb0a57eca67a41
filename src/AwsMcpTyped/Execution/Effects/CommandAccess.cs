using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// A command's access class as it will run. The catalogue's class is per command; two s3 customizations depend on
/// their arguments (custom-command-access.json notes them): <c>s3 cp</c> from S3 to a local file or stdout only reads
/// AWS, and <c>s3 sync --delete</c> deletes target files.
/// </summary>
public static class CommandAccess
{
    public static AccessClass Of(AwsInvocation invocation)
    {
        if (invocation.Service is not { Name: "s3" } || invocation.Command is not { } command)
            return invocation.Command?.Access ?? AccessClass.Read;
        var paths = invocation.Arguments.Positionals;
        return command.Name switch
        {
            "cp" when paths.Count == 2 && IsS3(paths[0].Value) && !IsS3(paths[1].Value) => AccessClass.Read,
            "sync" when invocation.Arguments.Has("--delete") => AccessClass.Destructive,
            _ => command.Access,
        };
    }

    private static bool IsS3(string path) => path.StartsWith("s3://", StringComparison.Ordinal);
}
