using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Files;

internal enum LocalAccess
{
    Read,
    Write,
}

/// <summary>One value the CLI will open as a local file or directory. <see cref="Argument"/> names it for messages
/// (<c>--body</c>, <c>outfile</c>, <c>--cli-input-json</c>); <see cref="Path"/> is the path with any file:// or
/// fileb:// prefix already removed.</summary>
internal sealed record LocalPathArgument(string Argument, string Value, string Path, LocalAccess Access);

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
/// <item>the plain-path options of other customizations, in <see cref="Customizations"/>.</item>
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

    /// <summary>s3 commands whose two positionals are SOURCE and DESTINATION, each s3:// or local.</summary>
    private static readonly HashSet<string> S3Transfers = new(StringComparer.Ordinal) { "cp", "mv", "sync" };

    public static bool IsS3Transfer(AwsInvocation invocation) =>
        invocation.Service?.Name == "s3" && invocation.Command is { } command && S3Transfers.Contains(command.Name);

    public static List<LocalPathArgument> Find(AwsInvocation invocation, ServiceDetail? detail)
    {
        var found = new List<LocalPathArgument>();
        if (invocation.CaBundle is { } caBundle)
            found.Add(new("--ca-bundle", caBundle, caBundle, LocalAccess.Read));
        if (invocation.Command is not { } command || invocation.Service is not { } service)
            return found;

        var plainPaths = Customizations.GetValueOrDefault(service.Name + " " + command.Name);
        var positionalValues = new List<string>();
        var tokens = invocation.Arguments;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (name, inline) = AwsStageValidator.SplitOption(tokens[i]);
            if (name is null)
            {
                positionalValues.Add(tokens[i]);
                continue;
            }
            var argument = command.Arguments.FirstOrDefault(a => a.Name == name && !a.IsPositional);
            var arity = argument is null ? ArgumentArity.One : ArgumentArity.Of(argument, CustomNargs(command, detail, name));
            var values = new List<string>();
            if (inline is not null)
                values.Add(inline);
            else
            {
                while (values.Count < arity.Max && i + 1 < tokens.Count && !IsOption(tokens[i + 1]))
                    values.Add(tokens[++i]);
            }
            var access = plainPaths is not null && plainPaths.TryGetValue(name, out var custom) ? custom
                : argument is not null && StreamingBlobInputs.Contains(service, command, detail, argument) ? LocalAccess.Read
                : (LocalAccess?)null;
            foreach (var value in values)
            {
                AddParamFile(found, name, value);
                if (access is { } plain)
                    found.Add(new(name, value, value, plain));
            }
        }
        AddPositionals(found, invocation, command, detail, positionalValues);
        return found;
    }

    private static void AddPositionals(List<LocalPathArgument> found, AwsInvocation invocation, CommandDescriptor command,
        ServiceDetail? detail, List<string> values)
    {
        if (IsS3Transfer(invocation))
        {
            // The CLI calls anything that does not start with "s3://" (case-sensitive) a local path.
            for (var i = 0; i < values.Count && i < 2; i++)
            {
                if (!values[i].StartsWith("s3://", StringComparison.Ordinal))
                    found.Add(new(i == 0 ? "SOURCE" : "DESTINATION", values[i], values[i], i == 0 ? LocalAccess.Read : LocalAccess.Write));
            }
            return;
        }
        // Bind values to positionals in order, as argparse does, to name them.
        var next = 0;
        foreach (var positional in command.Arguments.Where(a => a.IsPositional))
        {
            var arity = ArgumentArity.Of(positional, CustomNargs(command, detail, positional.Name) ?? (positional.Member is null ? "1" : null));
            for (var taken = 0; taken < arity.Max && next < values.Count; taken++, next++)
            {
                var value = values[next];
                AddParamFile(found, positional.Name, value);
                if (positional.Name == "outfile")
                    found.Add(new("outfile", value, value, LocalAccess.Write));
            }
        }
        for (; next < values.Count; next++)
            AddParamFile(found, "a positional value", values[next]);
    }

    private static void AddParamFile(List<LocalPathArgument> found, string argument, string value)
    {
        // Matched without regard to case: refusing an odd literal is cheaper than missing a file.
        foreach (var prefix in ParamFilePrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new(argument, value, value[prefix.Length..], LocalAccess.Read));
                return;
            }
        }
    }

    private static string? CustomNargs(CommandDescriptor command, ServiceDetail? detail, string name) =>
        command.Kind == CommandKind.Custom && detail is not null && detail.CustomCommands.TryGetValue(command.Name, out var custom)
            ? custom.Arguments.FirstOrDefault(a => a.Name == name)?.Nargs
            : null;

    private static bool IsOption(string token) => token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2;
}
