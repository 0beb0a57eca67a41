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
    };

    public static string? Reason(string service, string command) => Denied.GetValueOrDefault($"{service} {command}".TrimEnd());

    public static string? ServiceReason(string service) =>
        service == "history" ? Denied["history list"] : null;
}
