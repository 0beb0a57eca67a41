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
        ["eks update-kubeconfig"] = "'aws eks update-kubeconfig' rewrites ~/.kube/config on this machine",
    };

    public static string? Reason(string service, string command) => Denied.GetValueOrDefault($"{service} {command}".TrimEnd());

    public static string? ServiceReason(string service) =>
        service == "history" ? Denied["history list"] : null;
}
