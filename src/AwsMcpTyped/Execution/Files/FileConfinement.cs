using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Files;

/// <summary>
/// Refuses a command when any local file or directory it would read or write (see <see cref="LocalPathArguments"/>)
/// resolves outside the working directory, after ~ expansion, .. and symlinks. Directories (s3 sync, cp --recursive,
/// deploy push, gamelift upload-build) are also walked: the CLI follows symlinks inside them. Files whose contents
/// name more files (shorthand <c>@=</c> in a file:// value, a template for <c>cloudformation package</c>) are read
/// and those paths checked the same way.
/// </summary>
public sealed class FileConfinement(WorkingDirectory directory)
{
    /// <summary>Shorthand files larger than this are refused rather than read here.</summary>
    private const long MaxShorthandBytes = 10 * 1024 * 1024;

    /// <summary>Entries walked below a directory argument before we give up and refuse rather than guess.</summary>
    private const int MaxTreeEntries = 50_000;

    public WorkingDirectory Directory => directory;

    public Rejection? Check(AwsInvocation invocation, ServiceDetail? detail) => Check(invocation, () => detail);

    /// <summary>The check with the service's detail read only if a blob argument needs it (most commands have none,
    /// and reading a large service's detail costs milliseconds).</summary>
    public Rejection? Check(AwsInvocation invocation, Func<ServiceDetail?> detail)
    {
        foreach (var argument in LocalPathArguments.Find(invocation, detail))
        {
            if (CheckOne(invocation, argument) is { } problem)
                return new Rejection(RejectionKind.Denied, problem);
        }
        return null;
    }

    private string? CheckOne(AwsInvocation invocation, LocalPathArgument argument)
    {
        var where = $"Local files must be inside the working directory '{directory.Path}'";
        if (LocalPathArguments.IsS3Transfer(invocation) && argument.Value == "-")
        {
            // '-' is stdin as SOURCE (we give the CLI none) and stdout as DESTINATION (fine: it is the output).
            return argument.Access == LocalAccess.Write ? null
                : $"{argument.Argument} '-' reads standard input, which commands here do not get. {where}: copy from a file there instead (e.g. 'aws s3 cp data.json s3://bucket/key').";
        }
        var (real, problem) = directory.Resolve(argument.Path);
        if (real is null)
            return $"{argument.Argument} '{argument.Value}' {problem}. {where}; give a path relative to it (e.g. 'data.json' or 'sub/data.json').";
        if (!directory.Contains(real))
        {
            return $"{argument.Argument} '{argument.Value}' resolves to '{real}', outside the working directory; the CLI would {Verb(argument.Access)} it. {where}: " +
                   $"put the file there and give a path relative to it (e.g. '{Example(argument, real)}').";
        }
        if (System.IO.Directory.Exists(real) && TreeProblem(real) is { } treeProblem)
            return $"{argument.Argument} '{argument.Value}' is a directory {treeProblem}. {where}; remove or replace that link.";
        return argument.Content switch
        {
            LocalContent.Shorthand => ShorthandContentProblem(invocation, argument, real),
            LocalContent.CloudFormationTemplate => new CloudFormationTemplatePaths(inner => CheckOne(invocation, inner),
                path => directory.Resolve(path).RealPath).Problem($"{argument.Argument} '{argument.Value}'", real, directory.RealPath),
            _ => null,
        };
    }

    /// <summary>A lone file:// value of a structure, list or map argument: the CLI parses the file's text as
    /// shorthand, so its <c>key@=file://…</c> values are read too (one level: what they load is not parsed again).</summary>
    private string? ShorthandContentProblem(AwsInvocation invocation, LocalPathArgument argument, string real)
    {
        string text;
        try
        {
            var info = new FileInfo(real);
            if (!info.Exists)
                return null;
            if (info.Length > MaxShorthandBytes)
                return $"{argument.Argument} '{argument.Value}' is larger than {MaxShorthandBytes / 1024 / 1024} MB, too large to check for the files its shorthand would read. Pass a smaller file";
            text = File.ReadAllText(real);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // unreadable to us, and so to the CLI
        }
        if (text.TrimStart().StartsWith('[') || text.TrimStart().StartsWith('{'))
            return null; // JSON: taken literally
        foreach (var inner in LocalPathArguments.ShorthandFiles($"{argument.Argument} '{argument.Value}'", text))
        {
            if (CheckOne(invocation, inner) is { } problem)
                return problem;
        }
        return null;
    }

    /// <summary>The first symlink below <paramref name="root"/> that leads outside the working directory.</summary>
    private string? TreeProblem(string root)
    {
        var pending = new Stack<string>([root]);
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        var seen = 0;
        while (pending.Count > 0)
        {
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue; // unreadable to us, and so to the CLI, which runs as the same user
            }
            foreach (var entry in entries)
            {
                if (++seen > MaxTreeEntries)
                    return $"with more than {MaxTreeEntries:N0} entries, too many to check for symbolic links";
                if (entry.LinkTarget is not null)
                {
                    var target = LocalPath.Real(entry.FullName);
                    if (target is null || !directory.Contains(target))
                        return $"containing the symbolic link '{entry.FullName}' to '{target ?? entry.LinkTarget}', outside the working directory (the CLI follows it)";
                    if (System.IO.Directory.Exists(target) && visited.Add(target))
                        pending.Push(target);
                }
                else if (entry is DirectoryInfo && visited.Add(entry.FullName))
                {
                    pending.Push(entry.FullName);
                }
            }
        }
        return null;
    }

    private static string Verb(LocalAccess access) => access == LocalAccess.Read ? "read" : "write";

    private static string Example(LocalPathArgument argument, string real)
    {
        var name = Path.GetFileName(real.TrimEnd('/'));
        if (name.Length == 0)
            name = "data.json";
        return argument.Value.EndsWith(argument.Path, StringComparison.Ordinal) ? argument.Value[..^argument.Path.Length] + name : name;
    }
}
