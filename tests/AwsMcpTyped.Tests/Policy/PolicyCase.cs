using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>
/// One row of the policy table, in a compact form: settings as <c>KEY=value</c> pairs separated by <c>;</c>
/// (RO, ALLOW, DENY, CONSENT, FILE (policy file text), CALL_REGION, CALL_PROFILE, ANSWER (given|declined)), and
/// the expectation: <c>run</c> (the policy let it through) or <c>deny:text</c> (refused with that text in the message).
/// CONSENT defaults to off (unless a policy file is given) so rule rows test rules alone; consent rows set it.
/// </summary>
internal sealed record PolicyCase(string Settings, string Command, string Expect)
{
    public Dictionary<string, string> Values { get; } = Settings.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1] : "true");

    public bool ExpectRun => Expect == "run";

    public string DenialText => Expect["deny:".Length..];

    public (CommandExecutor Executor, ExecuteOptions Options) Build(string? policyFilePath)
    {
        var variables = new Dictionary<string, string?>
        {
            [PolicyEnvironment.ReadOnlyVariable] = Values.GetValueOrDefault("RO"),
            [PolicyEnvironment.AllowVariable] = Values.GetValueOrDefault("ALLOW"),
            [PolicyEnvironment.DenyVariable] = Values.GetValueOrDefault("DENY"),
            [PolicyEnvironment.ConsentVariable] = Values.GetValueOrDefault("CONSENT", Values.ContainsKey("FILE") ? null! : "off"),
            [PolicyEnvironment.PolicyFileVariable] = policyFilePath,
        };
        var safety = PolicyEnvironment.Read(name => variables.GetValueOrDefault(name));
        var executor = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { Safety = safety }, AwsCliInstallation.Detect());
        ConsentPrompt? prompt = Values.GetValueOrDefault("ANSWER") switch
        {
            "given" => (_, _) => ValueTask.FromResult(ConsentAnswer.Given),
            "declined" => (_, _) => ValueTask.FromResult(ConsentAnswer.Declined),
            _ => null,
        };
        return (executor, new ExecuteOptions { Region = Values.GetValueOrDefault("CALL_REGION"), Profile = Values.GetValueOrDefault("CALL_PROFILE"), Consent = prompt });
    }
}
