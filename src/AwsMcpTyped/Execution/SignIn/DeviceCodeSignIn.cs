using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.SignIn;

/// <summary>
/// <c>aws sso login</c> through an assistant, where the operator allows it (<see cref="ExecutionPolicy.AllowSignIn"/>).
/// The CLI runs with <c>--no-browser</c>, and <c>--use-device-code</c> where it has that (2.22 and later, whose default
/// flow needs a browser on the server's machine). It then prints a URL and a code instead of opening a browser. The
/// call returns them as soon as they are printed. The CLI waits on in the background for the user to approve, until
/// the code expires, then caches the token like a sign-in in a terminal. One sign-in per command line waits at a
/// time: asking again while it waits returns the same URL and code.
/// </summary>
internal sealed partial class DeviceCodeSignIn
{
    /// <summary>How long the CLI may wait for the approval: AWS's device codes live 10 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(11);

    /// <summary>The first AWS CLI v2 whose <c>sso login</c> defaults to a browser flow and takes <c>--use-device-code</c>.</summary>
    private static readonly Version DeviceCodeOption = new(2, 22, 0);

    private readonly ConcurrentDictionary<string, (ExecutionResult Answer, Task Continuing)> _waiting = new(StringComparer.Ordinal);

    public static bool Handles(ValidatedCommand command) =>
        command.Aws.Service is { } service && command.Aws.Command is { } name && Handles(service.Name, name.Name);

    /// <summary>The sign-in commands this runs: v2's <c>sso login</c> (<c>aws login</c> waits for a code pasted back into
    /// its terminal, which no call can give it).</summary>
    public static bool Handles(string service, string command) => service == "sso" && command == "login";

    /// <summary>The command line the CLI runs: the user's, with the switches that make it print instead of opening a
    /// browser (added once: a user may have given them).</summary>
    public static IReadOnlyList<StageLaunch> Stages(ValidatedCommand command, Version? cliVersion)
    {
        var aws = command.Stages[0];
        var arguments = aws.Arguments.ToList();
        if (!arguments.Contains("--no-browser"))
            arguments.Add("--no-browser");
        if (cliVersion is not null && cliVersion >= DeviceCodeOption && !arguments.Contains("--use-device-code"))
            arguments.Add("--use-device-code");
        return [aws with { Arguments = arguments }];
    }

    /// <summary>The CLI has printed the URL and the code (PrintOnlyHandler in awscli/customizations/sso/utils.py).</summary>
    public static bool CodePrinted(string output) => Printed().IsMatch(output);

    /// <summary>The answer of a sign-in with the same key that is still waiting, or null.</summary>
    public ExecutionResult? Waiting(string key) =>
        _waiting.TryGetValue(key, out var waiting) && !waiting.Continuing.IsCompleted ? waiting.Answer : null;

    /// <summary>The call's answer from the outcome the runner gave as soon as the code was printed; a sign-in that ends
    /// within the call (an error, a cached token) is interpreted as any command is.</summary>
    public ExecutionResult Started(string key, PipelineOutcome outcome, ExecutionResult interpreted)
    {
        if (outcome.Continuing is not { } continuing)
            return interpreted;
        var answer = interpreted with
        {
            Output = outcome.Output.TrimEnd() + "\n\n" +
                     "The AWS CLI is waiting for you to approve this sign-in: open the URL above and enter the code (or open the " +
                     "second URL, which fills the code in). It waits until the code expires (about 10 minutes); once you approve, " +
                     "commands with this profile run with the new session. Asking to sign in again while it waits returns the same code.",
        };
        _waiting[key] = (answer, continuing);
        return answer;
    }

    [GeneratedRegex(@"Please visit the following URL:\s+\S+\s+Then enter the code:\s+\S+\s*\n(?:\s*Alternatively[^\n]*\n\s*\S+\n)?", RegexOptions.CultureInvariant)]
    private static partial Regex Printed();
}
