using System.Globalization;
using System.Net;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// Checks the first pipeline stage against the catalogue, as the CLI's own parser would, before anything runs:
/// <c>aws</c>, global options anywhere (also as <c>--x=value</c>), service, command, argument names, value counts,
/// required arguments and cheap value types (integers, numbers, enums); then policy: denied commands and options,
/// loopback-only endpoints, and <c>wait</c> commands that cannot finish within the timeout.
/// </summary>
/// <remarks>It checks against one CLI version: <paramref name="catalogue"/> is a view of one version (the merged
/// catalogue is read as v2, the version users run); a name only the other version has gets a message that says so.</remarks>
internal sealed class AwsStageValidator(AwsCatalogue catalogue, ExecutionPolicy policy)
{
    private readonly AwsCatalogue _catalogue = catalogue.SingleVersion;
    private readonly OtherCliVersion _other = new(catalogue.SingleVersion);
    private IReadOnlyDictionary<string, GlobalOption> Globals => GlobalOption.For(_catalogue.Dialect);

    public (AwsInvocation? Invocation, Rejection? Rejection) Validate(IReadOnlyList<string> words, int timeoutSeconds)
    {
        if (words[0] != "aws")
        {
            return Fail(RejectionKind.NotAllowedProgram,
                $"Only AWS CLI commands run here: the command must start with 'aws', not '{words[0]}'. Filters (jq, grep, sort, …) may follow after '|'.");
        }

        // Globals first, wherever they stand, as the CLI parses them.
        string output = "json";
        string? region = null, profile = null, endpoint = null, caBundle = null;
        var version = false;
        var rest = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            var (name, inline) = SplitOption(words[i]);
            if (name is null || !Globals.TryGetValue(name, out var option))
            {
                if (name is not null && _other.GlobalOption(name) is { } otherVersion)
                    return Fail(RejectionKind.UnknownName, otherVersion);
                rest.Add(words[i]);
                continue;
            }
            if (option.DeniedBecause is { } denied)
                return Fail(RejectionKind.Denied, denied + ".");
            string? value = null;
            if (option.TakesValue)
            {
                value = inline ?? (i + 1 < words.Count ? words[++i] : null);
                if (value is null)
                    return Fail(RejectionKind.InvalidArgument, $"{name} needs a value.");
                if (option.Choices is { } choices && !choices.Contains(value))
                    return Fail(RejectionKind.InvalidArgument, $"{name} must be one of {string.Join(", ", choices)} (AWS CLI {DialectName}), not '{value}'.");
                if (option.IsInteger && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    return Fail(RejectionKind.InvalidArgument, $"{name} takes a whole number of seconds, not '{value}'.");
            }
            else if (inline is not null)
            {
                return Fail(RejectionKind.InvalidArgument, $"{name} takes no value.");
            }
            switch (name)
            {
                case "--output": output = value!; break;
                case "--region": region = value; break;
                case "--profile": profile = value; break;
                case "--endpoint-url": endpoint = value; break;
                case "--ca-bundle": caBundle = value; break;
                case "--version": version = true; break;
            }
        }
        if (region is not null && !IsPlausibleRegion(region))
            return Fail(RejectionKind.InvalidArgument, $"'{region}' is not a region name (e.g. us-east-1).");
        if (endpoint is not null && EndpointProblem(endpoint) is { } endpointProblem)
            return Fail(RejectionKind.Denied, endpointProblem);

        if (rest.Count == 0 || rest[0].StartsWith('-'))
        {
            if (version && rest.Count == 0)
                return (new AwsInvocation(null, null, ParsedArguments.Empty, output, region, profile, endpoint, caBundle), null);
            return rest.Count == 0
                ? Fail(RejectionKind.InvalidArgument, "The command names no service. Example: aws s3 ls, aws ec2 describe-instances.")
                : UnknownOption(rest[0], null);
        }

        var serviceName = rest[0];
        if (serviceName == "help")
            return HelpRefused("aws");
        var service = _catalogue.FindService(serviceName);
        if (service is null)
        {
            if (_other.Service(serviceName) is { } otherVersion)
                return Fail(RejectionKind.UnknownName, otherVersion);
            return Fail(RejectionKind.UnknownName, $"Unknown service '{serviceName}'." +
                NameSuggester.DidYouMean(serviceName, _catalogue.VisibleServiceNames) +
                " Use describe_command to look services up.");
        }
        if (CommandDenials.ServiceReason(service.Name) is { } serviceDenied)
            return Fail(RejectionKind.Denied, serviceDenied + ".");
        if (InstalledCliSkew.Refusal(_catalogue, service, null) is { } serviceMissing)
            return Fail(RejectionKind.UnknownName, serviceMissing);
        if ((rest.Count < 2 || rest[1].StartsWith('-')) && !HasTopLevelCommand(service))
        {
            if (CommandDenials.Reason(service.Name, "") is { } bareDenied)
                return Fail(RejectionKind.Denied, bareDenied + ".");
            return Fail(RejectionKind.InvalidArgument, $"'aws {service.Name}' needs a command. Use describe_command with service=\"{service.Name}\" to list them.");
        }
        if (rest.Count > 1 && (rest[1] == "help" || (rest.Count > 2 && rest[2] == "help")))
            return HelpRefused($"aws {service.Name}");

        var (command, used) = ResolveCommand(service, rest);
        if (command is null)
        {
            // Denied commands of other CLI versions (configure export-credentials is v2) are refused as such.
            var deniedName = rest.Count > 2 && CommandDenials.Reason(service.Name, rest[1] + " " + rest[2]) is { } two ? two : CommandDenials.Reason(service.Name, rest[1]);
            if (deniedName is not null)
                return Fail(RejectionKind.Denied, deniedName + ".");
            var otherVersion = (rest.Count > 2 ? _other.Command(service.Name, rest[1] + " " + rest[2]) : null) ?? _other.Command(service.Name, rest[1]);
            return otherVersion is not null ? Fail(RejectionKind.UnknownName, otherVersion) : UnknownCommand(service, rest);
        }
        if (CommandDenials.Reason(service.Name, command.Name) is { } commandDenied && !(policy.AllowSignIn && SignIn.DeviceCodeSignIn.Handles(service.Name, command.Name)))
            return Fail(RejectionKind.Denied, commandDenied + ".");
        if (InstalledCliSkew.Refusal(_catalogue, service, command) is { } commandMissing)
            return Fail(RejectionKind.UnknownName, commandMissing);

        var arguments = rest.Skip(used).ToList();
        if (arguments.Contains("help"))
            return HelpRefused($"aws {service.Name} {command.Name}");
        var detail = _catalogue.GetDetail(service);
        var (parsed, rejection) = new ArgumentChecker(service, command, detail, _other).Check(arguments);
        if (parsed is null)
            return (null, rejection);
        if (command.Kind == CommandKind.Waiter && WaitProblem(service, detail, command, timeoutSeconds) is { } waitProblem)
            return Fail(RejectionKind.Denied, waitProblem);
        return (new AwsInvocation(service, command, parsed, output, region, profile, endpoint, caBundle), null);
    }

    private string DialectName => _catalogue.Dialect == CliDialects.V1 ? "v1" : "v2";

    /// <summary>A top-level command that runs itself with arguments (v2's <c>aws login</c>): its command has no name.</summary>
    private static bool HasTopLevelCommand(ServiceDescriptor service) => service.Commands.Any(c => c.Name.Length == 0);

    /// <summary>Two-word commands first (wait instance-running, deploy push), then one word; a top-level command
    /// that runs itself when no subcommand follows.</summary>
    private static (CommandDescriptor? Command, int Used) ResolveCommand(ServiceDescriptor service, List<string> rest)
    {
        if (rest.Count < 2 || rest[1].StartsWith('-'))
            return (Find(service, ""), 1);
        if (rest.Count >= 3 && Find(service, rest[1] + " " + rest[2]) is { } twoWords)
            return (twoWords, 3);
        return (Find(service, rest[1]), 2);

        static CommandDescriptor? Find(ServiceDescriptor service, string name) =>
            service.Commands.FirstOrDefault(c => c.Name == name);
    }

    private static (AwsInvocation?, Rejection?) UnknownCommand(ServiceDescriptor service, List<string> rest)
    {
        var group = rest[1];
        var subcommands = service.Commands.Where(c => c.Name.StartsWith(group + " ", StringComparison.Ordinal) && !c.IsHidden).Select(c => c.Name).ToList();
        if (subcommands.Count > 0)
        {
            var given = rest.Count > 2 && !rest[2].StartsWith('-') ? $"'{group} {rest[2]}' is not one of them." : "It needs a subcommand.";
            return Fail(RejectionKind.UnknownName, $"'aws {service.Name} {group}' has subcommands; {given}" +
                NameSuggester.DidYouMean(rest.Count > 2 ? group + " " + rest[2] : group, subcommands));
        }
        return Fail(RejectionKind.UnknownName, $"Unknown command '{group}' for service '{service.Name}'." +
            NameSuggester.DidYouMean(group, service.Commands.Where(c => !c.IsHidden).Select(c => c.Name)) +
            $" Use describe_command with service=\"{service.Name}\" to list its commands.");
    }

    private string? EndpointProblem(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"--endpoint-url must be an http(s) URL, not '{endpoint}'.";
        if (policy.AllowNonLoopbackEndpoints)
            return null;
        var host = uri.Host.Trim('[', ']');
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
                       (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        return loopback ? null
            : $"--endpoint-url may only point at this machine (localhost, 127.0.0.1, ::1), not '{uri.Host}': requests carry your signed credentials. " +
              "An operator can allow other endpoints with AWS_MCP_ALLOW_REMOTE_ENDPOINTS=true.";
    }

    private static string? WaitProblem(ServiceDescriptor service, ServiceDetail detail, CommandDescriptor command, int timeoutSeconds)
    {
        var waiter = detail.Waiters.Values.FirstOrDefault(w => w.Command == command.Name);
        if (waiter is null)
            return null;
        var needed = waiter.Delay * waiter.MaxAttempts;
        return needed <= timeoutSeconds ? null
            : $"'{command.Name}' polls every {waiter.Delay} s up to {waiter.MaxAttempts} times (up to {needed} s), longer than the {timeoutSeconds} s timeout. " +
              $"Pass timeout={needed} or more, or check the state yourself with 'aws {service.Name} " +
              $"{service.Commands.FirstOrDefault(c => c.Kind == CommandKind.Operation && c.Operation == waiter.Operation)?.Name ?? waiter.Operation}'.";
    }

    /// <summary>A cheap shape check (lower-case letters, digits, dashes): region names are not a closed set.</summary>
    internal static bool IsPlausibleRegion(string region) =>
        region.Length is > 0 and <= 32 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    internal static (string? Name, string? Value) SplitOption(string word)
    {
        if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
            return (null, null);
        var equals = word.IndexOf('=');
        return equals < 0 ? (word, null) : (word[..equals], word[(equals + 1)..]);
    }

    private (AwsInvocation?, Rejection?) UnknownOption(string option, IEnumerable<string>? candidates) =>
        Fail(RejectionKind.UnknownName, $"Unknown option '{option}'." + NameSuggester.DidYouMean(option, candidates ?? Globals.Keys));

    private static (AwsInvocation?, Rejection?) HelpRefused(string what) =>
        Fail(RejectionKind.Denied, $"'{what} help' opens the CLI's pager; use describe_command for the same help, in-process.");


    private static (AwsInvocation?, Rejection?) Fail(RejectionKind kind, string message) => (null, new Rejection(kind, message));
}
