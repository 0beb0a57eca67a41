namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// Commands that are real but refused: they reveal or change local credentials, replay history, spawn local
/// programs, run interactively, or write local tool configuration. Keyed by "service command".
/// </summary>
internal static class CommandDenials
{
    private static readonly Dictionary<string, string> Denied = new(StringComparer.Ordinal)
    {
        ["configure"] = "'aws configure' is interactive and writes credentials; configure the CLI outside the assistant",
        ["configure get"] = "'aws configure get' can print secret keys; read aws://config/profiles or aws://config/environment instead",
        ["configure set"] = "'aws configure set' changes local credentials and settings; change them outside the assistant",
        ["configure add-model"] = "'aws configure add-model' writes service models into the local CLI installation",
        ["configure export-credentials"] = "'aws configure export-credentials' prints credentials",
        ["configure import"] = "'aws configure import' writes credentials",
        ["history list"] = "'aws history' replays earlier commands and responses, which can contain secrets",
        ["history show"] = "'aws history' replays earlier commands and responses, which can contain secrets",
        ["emr ssh"] = "'aws emr ssh' starts a local ssh client",
        ["emr socks"] = "'aws emr socks' starts a local ssh tunnel",
        ["emr get"] = "'aws emr get' runs scp and writes local files",
        ["emr put"] = "'aws emr put' runs scp and reads local files",
        ["deploy install"] = "'aws deploy install' installs the CodeDeploy agent on this machine",
        ["deploy uninstall"] = "'aws deploy uninstall' removes software from this machine",
        ["cloudformation deploy install"] = "installs the CodeDeploy agent on this machine",
        ["cloudformation deploy uninstall"] = "removes software from this machine",
        ["ecs deploy install"] = "installs the CodeDeploy agent on this machine",
        ["ecs deploy uninstall"] = "removes software from this machine",
        ["codecommit credential-helper get"] = "the git credential helper reads git's protocol on stdin; it is not for interactive use",
        ["codecommit credential-helper store"] = "the git credential helper reads git's protocol on stdin; it is not for interactive use",
        ["codecommit credential-helper erase"] = "the git credential helper reads git's protocol on stdin; it is not for interactive use",
        ["codeartifact login"] = "'aws codeartifact login' runs npm/pip/twine/dotnet/nuget/swift to rewrite their local configuration",
        // sessionmanager.py, ecs/executecommand.py: check_call(["session-manager-plugin", ...])
        ["ssm start-session"] = "'aws ssm start-session' starts session-manager-plugin, a local program, for an interactive session; use 'aws ssm send-command' to run commands on an instance",
        ["ecs execute-command"] = "'aws ecs execute-command' starts session-manager-plugin, a local program, for an interactive session in a container",
        // AWS CLI v2 only: lightsail/push_container_image.py runs docker; opsworks.py runs ssh to register the instance
        ["lightsail push-container-image"] = "'aws lightsail push-container-image' (AWS CLI v2) runs docker on this machine",
        ["opsworks register"] = "'aws opsworks register' (AWS CLI v2) runs ssh to install the OpsWorks agent on a host",
        ["eks update-kubeconfig"] = "'aws eks update-kubeconfig' rewrites ~/.kube/config on this machine",
        // AWS CLI v2 only: wizards and sign-ins wait for a person at a terminal or a browser; the server has neither.
        ["configure sso"] = "'aws configure sso' (AWS CLI v2) is an interactive wizard that signs in through a browser and writes a profile; run it in your terminal",
        ["configure sso-session"] = "'aws configure sso-session' (AWS CLI v2) is an interactive wizard that writes your CLI configuration; run it in your terminal",
        ["configure wizard"] = "'aws configure wizard' (AWS CLI v2) is an interactive wizard; run it in your terminal",
        ["configure mfa-login"] = "'aws configure mfa-login' (AWS CLI v2) prompts for an MFA code and writes credentials; run it in your terminal",
        ["dynamodb wizard new-table"] = "the AWS CLI v2 wizards are interactive; describe the operation they end in (dynamodb create-table) and run that",
        ["events wizard new-rule"] = "the AWS CLI v2 wizards are interactive; describe the operation they end in (events put-rule) and run that",
        ["iam wizard new-role"] = "the AWS CLI v2 wizards are interactive; describe the operation they end in (iam create-role) and run that",
        ["lambda wizard new-function"] = "the AWS CLI v2 wizards are interactive; describe the operation they end in (lambda create-function) and run that",
        ["cli-dev wizard-dev"] = "the AWS CLI v2 wizards are interactive",
        ["sso login"] = "'aws sso login' (AWS CLI v2) waits until you approve the sign-in in a browser; run 'aws sso login --profile <profile>' in your terminal, then retry (aws://server/status shows when the session expires). An operator can let assistants start it with AWS_MCP_ALLOW_SIGN_IN=true: the answer is then a URL and a code for you",
        ["sso logout"] = "'aws sso logout' removes your cached SSO session on this machine; sign out in your terminal",
        ["login"] = "'aws login' (AWS CLI v2) waits until you approve the sign-in in a browser; run it in your terminal, then retry",
        ["logout"] = "'aws logout' (AWS CLI v2) removes your cached sign-in on this machine; run it in your terminal",
        ["ec2-instance-connect ssh"] = "'aws ec2-instance-connect ssh' (AWS CLI v2) starts a local ssh client for an interactive session",
        ["ec2-instance-connect open-tunnel"] = "'aws ec2-instance-connect open-tunnel' (AWS CLI v2) opens a tunnel that listens on this machine until stopped",
    };

    public static string? Reason(string service, string command) => Denied.GetValueOrDefault($"{service} {command}".TrimEnd());

    public static string? ServiceReason(string service) =>
        service == "history" ? Denied["history list"] : null;
}
