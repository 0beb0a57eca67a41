using System.CommandLine;
using AwsMcpTyped.Execution;

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
        var region = new Option<string?>("--region") { Description = "Region for this call (overrides AWS_REGION)" };
        var profile = new Option<string?>("--profile") { Description = "Profile for this call (overrides AWS_PROFILE)" };
        var exec = new Command("exec", "Validate an AWS CLI command (with optional | filters) and run it without a shell.")
        {
            command, timeout, region, profile,
        };
        exec.SetAction(async (parse, cancellationToken) =>
        {
            CommandExecutor executor;
            try
            {
                executor = CommandExecutor.CreateDefault(ExecutionPolicyFromEnvironment.Read());
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync("awsmcp: " + error.Message);
                return RejectedExitCode;
            }
            var result = await executor.ExecuteAsync(
                parse.GetValue(command)!,
                new ExecuteOptions { TimeoutSeconds = parse.GetValue(timeout), Region = parse.GetValue(region), Profile = parse.GetValue(profile) },
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
