using System.CommandLine;
using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Status;

namespace AwsMcpTyped.Cli.Commands;

/// <summary><c>awsmcp doctor [--json] [--offline]</c>: whether the server can be used here and with what (CLI,
/// credentials, region, safety settings, containment, the client configuration to paste). Exit code: 0 usable,
/// else the first problem's (<see cref="StatusProblemKind"/>: 2 invalid settings, 3 no CLI, 4 CLI unusable,
/// 5 no credentials, 6 expired or missing SSO/login token, 7 containment on but unavailable).</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (the same document as the resource aws://server/status)" };
        var offline = new Option<bool>("--offline") { Description = "Do not call AWS (skips sts get-caller-identity)" };
        var doctor = new Command("doctor", "Check the AWS CLI, credentials, region, safety settings and containment the server would use, and print the client configuration.")
        {
            json, offline,
        };
        doctor.SetAction(async (parse, cancellationToken) =>
        {
            var status = await BuildAsync(parse.GetValue(offline), cancellationToken);
            await Console.Out.WriteAsync(parse.GetValue(json)
                ? ServerStatusJson.ToJson(status).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"
                : ServerStatusText.Render(status));
            return status.ExitCode;
        });
        return doctor;
    }

    /// <summary>The status of the server <c>awsmcp serve</c> would run: the same settings, read the same way.</summary>
    private static async Task<ServerStatus> BuildAsync(bool offline, CancellationToken cancellationToken)
    {
        CommandExecutor? executor = null;
        string? settingsError = null;
        try
        {
            executor = ExecutionPolicyEnvironment.CreateExecutor(readOnlyFlag: false, defaultAuditTarget: "stderr");
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            settingsError = error.Message;
        }
        return await ServerStatusBuilder.BuildAsync(executor, settingsError, executor?.Cli ?? AwsCliInstallation.Detect(), AwsCatalogue.Default, offline, cancellationToken);
    }
}
