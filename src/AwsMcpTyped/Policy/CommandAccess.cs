using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Policy;

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
        switch (command.Name)
        {
            case "cp":
                var paths = Positionals(command, invocation.Arguments);
                return paths.Count == 2 && IsS3(paths[0]) && !IsS3(paths[1]) ? AccessClass.Read : command.Access;
            case "sync" when invocation.Arguments.Contains("--delete"):
                return AccessClass.Destructive;
            default:
                return command.Access;
        }
    }

    private static bool IsS3(string path) => path.StartsWith("s3://", StringComparison.Ordinal);

    /// <summary>The words that are not options or option values.</summary>
    internal static List<string> Positionals(CommandDescriptor command, IReadOnlyList<string> words)
    {
        var positionals = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(word);
                continue;
            }
            if (word.Contains('='))
                continue;
            var argument = command.Arguments.FirstOrDefault(a => a.Name == word);
            if (argument is not null && argument.Type != ArgumentType.Boolean)
                i++;
        }
        return positionals;
    }
}
