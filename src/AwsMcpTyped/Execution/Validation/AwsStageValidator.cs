using System.Collections.Concurrent;
using System.Net;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Execution.Validation.Argparse;
using AwsMcpTyped.Execution.Validation.Query;
using AwsMcpTyped.Execution.Validation.Values;
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

        // The CLI's main parser first: global options wherever they stand (abbreviations too), and the service.
        var main = MainParser(_catalogue.Dialect).ParseKnownArgs(words.Skip(1).ToList());
        string output = "json";
        string? region = null, profile = null, endpoint = null, caBundle = null, serviceName = null, binaryFormat = null, query = null;
        var version = false;
        foreach (var match in main.Matches)
        {
            if (match.Action.Target is not { } option)
            {
                serviceName = match.Values[0];
                continue;
            }
            if (option.DeniedBecause is { } denied)
                return Fail(RejectionKind.Denied, denied + ".");
            var value = match.Values.Count == 1 ? match.Values[0] : null;
            if (value is not null && option.Choices is { } choices && !choices.Contains(value))
                return Fail(RejectionKind.InvalidArgument, $"{option.Name} must be one of {string.Join(", ", choices)} (AWS CLI {DialectName}), not '{value}'.");
            if (value is not null && option.IsInteger && !PythonNumbers.IsInteger(value))
                return Fail(RejectionKind.InvalidArgument, $"{option.Name} takes a whole number of seconds, not '{value}'.");
            switch (option.Name)
            {
                case "--output": output = value!; break;
                case "--region": region = value; break;
                case "--profile": profile = value; break;
                case "--endpoint-url": endpoint = value; break;
                case "--ca-bundle": caBundle = value; break;
                case "--cli-binary-format": binaryFormat = value; break;
                case "--query": query = value; break;
                case "--version": version = true; break;
            }
        }
        // --version prints the version and ends the parse where it stands (argparse's version action).
        if (version && main.Error is null or { Kind: ArgparseErrorKind.RequiredMissing })
            return (new AwsInvocation(null, null, ParsedArguments.Empty, output, region, profile, endpoint, caBundle), null);
        if (main.Error is { Kind: ArgparseErrorKind.AmbiguousOption } ambiguous)
            return Fail(RejectionKind.UnknownName, $"'{ambiguous.Word}' is ambiguous: it is the start of the global options {string.Join(", ", ambiguous.Names)}. Spell the option out.");
        if (main.Error is { Kind: ArgparseErrorKind.ExpectedValues } noValue)
            return Fail(RejectionKind.InvalidArgument, $"{noValue.Option} needs a value" +
                (noValue.Word != noValue.Option ? $" ('{noValue.Word}' is short for {noValue.Option})." : "."));
        if (main.Error is { Kind: ArgparseErrorKind.IgnoredExplicitValue } flag)
            return Fail(RejectionKind.InvalidArgument, $"{flag.Option} takes no value.");
        // The CLI compiles --query once the global options are parsed, before it looks at the command.
        if (query is not null && JmesPathSyntax.Check(query, _catalogue.Dialect == CliDialects.V1 ? JmesPathSyntax.CliV1FrameBudget : JmesPathSyntax.CliV2FrameBudget) is { } queryError)
            return Fail(RejectionKind.InvalidArgument, $"--query '{query}': {queryError.Message}. See https://jmespath.org for the syntax.");
        if (region is not null && !RegionNames.IsValid(region))
            return Fail(RejectionKind.InvalidArgument, RegionNames.Problem(region));
        if (endpoint is not null && EndpointProblem(endpoint) is { } endpointProblem)
            return Fail(RejectionKind.Denied, endpointProblem);
        if (serviceName is null)
        {
            var stray = main.Extras.FirstOrDefault().Word;
            return stray is null
                ? Fail(RejectionKind.InvalidArgument, "The command names no service. Example: aws s3 ls, aws ec2 describe-instances.")
                : UnknownOption(stray);
        }
        var rest = main.Extras.Select(e => e.Word).ToList();

        if (serviceName == "help")
            return HelpRefused("aws");
        var service = _catalogue.FindService(serviceName);
        if (service is null)
        {
            // An unknown option before the service leaves its value to be read as the service (aws --regoin x s3 ls).
            var commandAt = main.Matches.First(m => m.Action.Target is null).Position;
            if (main.Extras.FirstOrDefault(e => e.Position < commandAt && !ArgparseParser<object>.IsValueWord(e.Word)).Word is { } strayOption)
                return UnknownOption(strayOption.Split('=', 2)[0]);
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
        var first = NextValueWord(rest, 0);
        if (first < 0 && !HasTopLevelCommand(service))
        {
            if (CommandDenials.Reason(service.Name, "") is { } bareDenied)
                return Fail(RejectionKind.Denied, bareDenied + ".");
            return Fail(RejectionKind.InvalidArgument, $"'aws {service.Name}' needs a command. Use describe_command with service=\"{service.Name}\" to list them.");
        }
        var second = first < 0 ? -1 : NextValueWord(rest, first + 1);
        if (first >= 0 && (rest[first] == "help" || (second >= 0 && rest[second] == "help" && IsGroup(service, rest[first]))))
            return HelpRefused($"aws {service.Name}");

        var (command, used) = ResolveCommand(service, rest, first, second);
        if (command is null)
        {
            var one = rest[first];
            var two = second >= 0 ? one + " " + rest[second] : null;
            // Denied commands of other CLI versions (configure export-credentials is v2) are refused as such.
            var deniedName = (two is not null ? CommandDenials.Reason(service.Name, two) : null) ?? CommandDenials.Reason(service.Name, one);
            if (deniedName is not null)
                return Fail(RejectionKind.Denied, deniedName + ".");
            var otherVersion = (two is not null ? _other.Command(service.Name, two) : null) ?? _other.Command(service.Name, one);
            return otherVersion is not null ? Fail(RejectionKind.UnknownName, otherVersion) : UnknownCommand(service, one, second >= 0 ? rest[second] : null);
        }
        if (CommandDenials.Reason(service.Name, command.Name) is { } commandDenied && !(policy.AllowSignIn && SignIn.DeviceCodeSignIn.Handles(service.Name, command.Name)))
            return Fail(RejectionKind.Denied, commandDenied + ".");
        if (InstalledCliSkew.Refusal(_catalogue, service, command) is { } commandMissing)
            return Fail(RejectionKind.UnknownName, commandMissing);

        var arguments = rest.Where((_, i) => !used.Contains(i)).ToList();
        // The detail only where a check needs it: reading a large service's detail costs milliseconds.
        var detail = new Lazy<ServiceDetail>(() => _catalogue.GetDetail(service));
        var (parsed, rejection) = new ArgumentChecker(_catalogue.Dialect, service, command, detail, _other,
            new Lazy<bool>(() => _catalogue.Dialect == CliDialects.V2 && BinaryFormat.DecodesBase64(binaryFormat))).Check(arguments);
        if (parsed is null)
            return (null, rejection);
        if (command.Kind == CommandKind.Waiter && WaitProblem(service, detail.Value, command, timeoutSeconds) is { } waitProblem)
            return Fail(RejectionKind.Denied, waitProblem);
        return (new AwsInvocation(service, command, parsed, output, region, profile, endpoint, caBundle), null);
    }

    private string DialectName => _catalogue.Dialect == CliDialects.V1 ? "v1" : "v2";

    /// <summary>A top-level command that runs itself with arguments (v2's <c>aws login</c>): its command has no name.</summary>
    private static bool HasTopLevelCommand(ServiceDescriptor service) => service.Commands.Any(c => c.Name.Length == 0);

    private static bool IsGroup(ServiceDescriptor service, string word) =>
        service.Commands.Any(c => c.Name.StartsWith(word + " ", StringComparison.Ordinal));

    /// <summary>The index of the next word at or after <paramref name="from"/> that a parser with no options reads
    /// as a value (the CLI's service and group parsers take their command from the first such word), or -1.</summary>
    private static int NextValueWord(List<string> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            if (ArgparseParser<object>.IsValueWord(words[i]))
                return i;
        }
        return -1;
    }

    /// <summary>Two-word commands first (wait instance-running, deploy push), then one word; a top-level command
    /// that runs itself when no subcommand follows. Returns the indices of the words the name used.</summary>
    private static (CommandDescriptor? Command, int[] Used) ResolveCommand(ServiceDescriptor service, List<string> rest, int first, int second)
    {
        if (first < 0)
            return (Find(""), []);
        if (second >= 0 && Find(rest[first] + " " + rest[second]) is { } twoWords)
            return (twoWords, [first, second]);
        if (Find(rest[first]) is { } oneWord)
            return (oneWord, [first]);
        // A top-level command that takes arguments itself (v2's login) reads the word as one of them.
        return IsGroup(service, rest[first]) ? (null, []) : (Find(""), []);

        CommandDescriptor? Find(string name) => service.Commands.FirstOrDefault(c => c.Name == name);
    }

    private static (AwsInvocation?, Rejection?) UnknownCommand(ServiceDescriptor service, string group, string? next)
    {
        var subcommands = service.Commands.Where(c => c.Name.StartsWith(group + " ", StringComparison.Ordinal) && !c.IsHidden).Select(c => c.Name).ToList();
        if (subcommands.Count > 0)
        {
            var given = next is not null ? $"'{group} {next}' is not one of them." : "It needs a subcommand.";
            return Fail(RejectionKind.UnknownName, $"'aws {service.Name} {group}' has subcommands; {given}" +
                NameSuggester.DidYouMean(next is not null ? group + " " + next : group, subcommands));
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

    /// <summary>The CLI's main parser for one version: its global options (denied ones too: the CLI knows them, so
    /// their abbreviations resolve to them and are refused) and the service.</summary>
    private static readonly ConcurrentDictionary<CliDialects, ArgparseParser<GlobalOption?>> MainParsers = new();

    internal static ArgparseParser<GlobalOption?> MainParser(CliDialects dialect) => MainParsers.GetOrAdd(dialect, d =>
        new ArgparseParser<GlobalOption?>(GlobalOption.For(d).Values
            .Select(o => new ArgparseAction<GlobalOption?>(o, o.Name, false, o.TakesValue ? new ValueCount(1, 1) : new ValueCount(0, 0), false))
            .Append(new ArgparseAction<GlobalOption?>(null, "command", true, new ValueCount(1, 1), true))));

    private (AwsInvocation?, Rejection?) UnknownOption(string option) =>
        Fail(RejectionKind.UnknownName, $"Unknown option '{option}' before the service." + NameSuggester.DidYouMean(option, Globals.Keys));

    private static (AwsInvocation?, Rejection?) HelpRefused(string what) =>
        Fail(RejectionKind.Denied, $"'{what} help' opens the CLI's pager; use describe_command for the same help, in-process.");


    private static (AwsInvocation?, Rejection?) Fail(RejectionKind kind, string message) => (null, new Rejection(kind, message));
}
