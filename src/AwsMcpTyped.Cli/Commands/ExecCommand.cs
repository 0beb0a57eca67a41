using System.CommandLine;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Cli.Commands;

/// <summary><c>awsmcp exec "&lt;command&gt;" [--timeout S] [--region R] [--profile P]</c>: execute_command on the terminal.
/// Exit code: 0 success, 2 rejected before running, else the failing stage's exit code (124 timeout, 130 cancelled,
/// 127 CLI not installed). Output goes to stdout; the failure report to stderr.</summary>
internal static class ExecCommand
{
    public const int RejectedExitCode = 2;

    public static Command Create()
    {
        var command = new Argument<string>("command") { Description = "The AWS CLI command line, e.g. \"aws s3 ls | sort\"" };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds before the command is stopped (default 300)" };
        var region = new Option<string?>("--region") { Description = "Region for this call, as the CLI's --region (overrides the region variables and the profile's region)" };
        var profile = new Option<string?>("--profile") { Description = "Profile for this call, as the CLI's --profile (overrides AWS_PROFILE/AWS_DEFAULT_PROFILE)" };
        var readOnly = new Option<bool>("--read-only") { Description = "Run only read operations (as AWS_MCP_READ_ONLY=true)" };
        var yes = new Option<bool>("--yes") { Description = "Confirm a command that needs consent (AWS_MCP_CONSENT: destructive by default)" };
        var exec = new Command("exec", "Validate an AWS CLI command (with optional | filters), apply the safety policy, and run it without a shell.")
        {
            command, timeout, region, profile, readOnly, yes,
        };
        exec.SetAction(async (parse, cancellationToken) =>
        {
            CommandExecutor executor;
            try
            {
                executor = ExecutionPolicyEnvironment.CreateExecutor(parse.GetValue(readOnly), defaultAuditTarget: "off");
            }
            catch (Exception error) when (error is FormatException or ArgumentException)
            {
                await Console.Error.WriteLineAsync("awsmcp: " + error.Message);
                return RejectedExitCode;
            }
            if (!executor.Containment.IsContained)
                await Console.Error.WriteLineAsync("awsmcp: warning: " + executor.Containment.Summary);
            var confirmed = parse.GetValue(yes);
            var result = await executor.ExecuteAsync(
                parse.GetValue(command)!,
                new ExecuteOptions
                {
                    TimeoutSeconds = parse.GetValue(timeout), Region = parse.GetValue(region), Profile = parse.GetValue(profile), Caller = "exec",
                    Consent = (_, _) => ValueTask.FromResult(confirmed ? ConsentAnswer.Given : ConsentAnswer.Unavailable),
                },
                cancellationToken);
            await Console.Out.WriteAsync(result.Output);
            if (result.IsError)
            {
                var report = result.ToText();
                await Console.Error.WriteAsync(result.Output.Length > 0 ? report[result.Output.Length..].TrimStart('\n') : report);
            }
            if (result.Status != ExecutionStatus.Rejected)
                await Console.Error.WriteLineAsync($"[{result.Status.ToString().ToLowerInvariant()}, exit {result.ExitCode?.ToString() ?? "-"}, {result.Duration.TotalSeconds:F2} s]");
            return result.Status switch
            {
                ExecutionStatus.Success => 0,
                ExecutionStatus.Rejected => RejectedExitCode,
                ExecutionStatus.TimedOut => 124,
                ExecutionStatus.Cancelled => 130,
                _ => result.ExitCode is { } code and not 0 ? code : 127,
            };
        });
        return exec;
    }
}
