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
        foreach (var option in invocation.Arguments.Options)
        {
            var name = option.Argument.Name;
            var access = plainPaths is not null && plainPaths.TryGetValue(name, out var custom) ? custom
                : StreamingBlobInputs.Contains(service, command, detail, option.Argument) ? LocalAccess.Read
                : (LocalAccess?)null;
            foreach (var value in option.Values)
            {
                AddParamFile(found, name, value);
                if (access is { } plain)
                    found.Add(new(name, value, value, plain));
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
            AddParamFile(found, positional.Name, value);
            if (positional.Name == "outfile")
                found.Add(new("outfile", value, value, LocalAccess.Write));
        }
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
}
