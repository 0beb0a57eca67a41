using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Execution.Validation.Values;

namespace AwsMcpTyped.Execution.Files;

internal enum LocalAccess
{
    Read,
    Write,
}

/// <summary>What the CLI does with a file's contents that can name further local files.</summary>
internal enum LocalContent
{
    /// <summary>Nothing that reads other files.</summary>
    Plain,
    /// <summary>Parsed as shorthand syntax, whose <c>key@=file://…</c> values are read (a file:// value of a structure,
    /// list or map argument).</summary>
    Shorthand,
    /// <summary>A template whose local artifacts <c>cloudformation package</c> uploads.</summary>
    CloudFormationTemplate,
}

/// <summary>One value the CLI will open as a local file or directory. <see cref="Argument"/> names it for messages
/// (<c>--body</c>, <c>outfile</c>, <c>--cli-input-json</c>); <see cref="Path"/> is the path with any file:// or
/// fileb:// prefix already removed; <see cref="Content"/> says whether its contents are checked in turn.</summary>
internal sealed record LocalPathArgument(string Argument, string Value, string Path, LocalAccess Access, LocalContent Content = LocalContent.Plain);

/// <summary>
/// Which words of a validated <c>aws</c> command name local files, found by reading AWS CLI v1's sources:
/// <list type="bullet">
/// <item>any value starting with file:// or fileb:// (awscli/paramfile.py; the CLI exempts a few URL parameters
///   from paramfile loading, we confine those values anyway), including --cli-input-json and --cli-input-yaml;</item>
/// <item>the global --ca-bundle;</item>
/// <item>the <c>outfile</c> positional of streaming-output operations (streamingoutputarg.py, s3events.py);</item>
/// <item>streaming blob inputs, which take a plain path (argprocess.unpack_scalar_cli_arg): Blob arguments whose
///   member is marked streaming in the service model (<see cref="StreamingBlobInputs"/>);</item>
/// <item>local (not s3://) paths of s3 cp/mv/sync;</item>
/// <item>the plain-path options of other customizations, in <see cref="Customizations"/>;</item>
/// <item>shorthand values after <c>key@=</c> that start with file:// or fileb:// (<see cref="ShorthandParser"/>),
///   in structure, list and map arguments, also inside a file:// value's contents (checked by
///   <see cref="FileConfinement"/>); JSON values and --cli-input-json contents are taken literally by the CLI;</item>
/// <item>the local artifacts a <c>cloudformation package</c> template names (<see cref="CloudFormationTemplatePaths"/>).</item>
/// </list>
/// </summary>
internal static class LocalPathArguments
{
    private static readonly string[] ParamFilePrefixes = ["file://", "fileb://"];

    /// <summary>Customization options that take a plain local path ("service command" → option → access).</summary>
    private static readonly Dictionary<string, Dictionary<string, LocalAccess>> Customizations = new(StringComparer.Ordinal)
    {
        // cloudformation/package.py, deploy.py
        ["cloudformation package"] = new() { ["--template-file"] = LocalAccess.Read, ["--output-template-file"] = LocalAccess.Write },
        ["cloudformation deploy"] = new() { ["--template-file"] = LocalAccess.Read },
        // ec2/decryptpassword.py (expanduser, then open)
        ["ec2 get-password-data"] = new() { ["--priv-launch-key"] = LocalAccess.Read },
        // codedeploy/push.py zips a directory tree
        ["deploy push"] = new() { ["--source"] = LocalAccess.Read },
        // gamelift/uploadbuild.py zips a directory tree; getlog.py writes the downloaded log
        ["gamelift upload-build"] = new() { ["--build-root"] = LocalAccess.Read },
        ["gamelift get-game-session-log"] = new() { ["--save-as"] = LocalAccess.Write },
        // ecs/deploy.py (expandvars(expanduser), then open)
        ["ecs deploy"] = new() { ["--task-definition"] = LocalAccess.Read, ["--codedeploy-appspec"] = LocalAccess.Read },
        // iamvirtmfa.py, iot.py (QueryOutFileArgument) write secrets and certificates
        ["iam create-virtual-mfa-device"] = new() { ["--outfile"] = LocalAccess.Write },
        ["iot create-keys-and-certificate"] = new()
        {
            ["--certificate-pem-outfile"] = LocalAccess.Write, ["--public-key-outfile"] = LocalAccess.Write, ["--private-key-outfile"] = LocalAccess.Write,
        },
        ["iot create-certificate-from-csr"] = new() { ["--certificate-pem-outfile"] = LocalAccess.Write },
        // servicecatalog/generatebase.py uploads the file
        ["servicecatalog generate-product"] = new() { ["--file-path"] = LocalAccess.Read },
        ["servicecatalog generate-provisioning-artifact"] = new() { ["--file-path"] = LocalAccess.Read },
        // denied anyway (CommandDenials), listed so the rule holds on its own
        ["eks update-kubeconfig"] = new() { ["--kubeconfig"] = LocalAccess.Write },
        ["emr put"] = new() { ["--key-pair-file"] = LocalAccess.Read, ["--src"] = LocalAccess.Read },
        ["emr get"] = new() { ["--key-pair-file"] = LocalAccess.Read, ["--dest"] = LocalAccess.Write },
        ["emr ssh"] = new() { ["--key-pair-file"] = LocalAccess.Read },
        ["emr socks"] = new() { ["--key-pair-file"] = LocalAccess.Read },
    };

    /// <summary>Customization options whose file's contents name more local files ("service command" → option).</summary>
    private static readonly Dictionary<string, (string Option, LocalContent Content)> ContentChecks = new(StringComparer.Ordinal)
    {
        ["cloudformation package"] = ("--template-file", LocalContent.CloudFormationTemplate),
    };

    /// <summary>Argument types the CLI may parse as shorthand (argprocess._supports_shorthand_syntax; a list of
    /// scalars never is, which this over-approximates).</summary>
    private static readonly HashSet<ArgumentType> ShorthandTypes = [ArgumentType.Structure, ArgumentType.List, ArgumentType.Map];

    /// <summary>s3 commands whose two positionals are SOURCE and DESTINATION, each s3:// or local.</summary>
    private static readonly HashSet<string> S3Transfers = new(StringComparer.Ordinal) { "cp", "mv", "sync" };

    public static bool IsS3Transfer(AwsInvocation invocation) =>
        invocation.Service?.Name == "s3" && invocation.Command is { } command && S3Transfers.Contains(command.Name);

    public static List<LocalPathArgument> Find(AwsInvocation invocation, Func<ServiceDetail?> detail)
    {
        var found = new List<LocalPathArgument>();
        if (invocation.CaBundle is { } caBundle)
            found.Add(new("--ca-bundle", caBundle, caBundle, LocalAccess.Read));
        if (invocation.Command is not { } command || invocation.Service is not { } service)
            return found;

        var key = service.Name + " " + command.Name;
        var plainPaths = Customizations.GetValueOrDefault(key);
        foreach (var option in invocation.Arguments.Options)
        {
            var name = option.Argument.Name;
            var access = plainPaths is not null && plainPaths.TryGetValue(name, out var custom) ? custom
                : option.Argument.Type == ArgumentType.Blob && StreamingBlobInputs.Contains(service, command, detail(), option.Argument) ? LocalAccess.Read
                : (LocalAccess?)null;
            var content = ContentChecks.TryGetValue(key, out var check) && check.Option == name ? check.Content : LocalContent.Plain;
            // argprocess.ParamShorthandParser: not when the first value looks like JSON; a lone file:// value is
            // replaced by the file's contents first (paramfile.URIArgumentHandler), which are parsed instead.
            var shorthand = ShorthandTypes.Contains(option.Argument.Type) && option.Values.Count > 0 && !option.Values[0].TrimStart().StartsWith('[') && !option.Values[0].TrimStart().StartsWith('{');
            foreach (var value in option.Values)
            {
                var shorthandFile = shorthand && option.Values.Count == 1 && value.StartsWith("file://", StringComparison.Ordinal);
                if (ParamFile(name, value) is { } paramFile)
                    found.Add(shorthandFile ? paramFile with { Content = LocalContent.Shorthand } : paramFile);
                if (shorthand && !shorthandFile)
                    found.AddRange(ShorthandFiles(name, value));
                if (access is { } plain)
                    found.Add(new(name, value, value, plain, content));
            }
        }
        AddPositionals(found, invocation);
        return found;
    }

    private static void AddPositionals(List<LocalPathArgument> found, AwsInvocation invocation)
    {
        var positionals = invocation.Arguments.Positionals;
        if (IsS3Transfer(invocation))
        {
            // The CLI calls anything that does not start with "s3://" (case-sensitive) a local path.
            for (var i = 0; i < positionals.Count && i < 2; i++)
            {
                var value = positionals[i].Value;
                if (!value.StartsWith("s3://", StringComparison.Ordinal))
                    found.Add(new(i == 0 ? "SOURCE" : "DESTINATION", value, value, i == 0 ? LocalAccess.Read : LocalAccess.Write));
            }
            return;
        }
        foreach (var (positional, value) in positionals)
        {
            if (ParamFile(positional.Name, value) is { } paramFile)
                found.Add(paramFile);
            if (positional.Name == "outfile")
                found.Add(new("outfile", value, value, LocalAccess.Write));
        }
    }

    /// <summary>The files a shorthand value's <c>key@=file://…</c> entries read (also in a file's contents).</summary>
    public static IEnumerable<LocalPathArgument> ShorthandFiles(string argument, string value) =>
        (value.Contains('@') ? ShorthandParser.Parse(value).ParamFiles : []).Select(v => ParamFile(argument + " (shorthand @=)", v)).OfType<LocalPathArgument>();

    private static LocalPathArgument? ParamFile(string argument, string value)
    {
        // Matched without regard to case: refusing an odd literal is cheaper than missing a file.
        foreach (var prefix in ParamFilePrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return new(argument, value, value[prefix.Length..], LocalAccess.Read);
        }
        return null;
    }
}
