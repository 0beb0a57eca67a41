namespace AwsMcpTyped.Execution.Validation;

/// <summary>The AWS CLI v1 global options (awscli/data/cli.json) and how we treat them.</summary>
internal sealed record GlobalOption(string Name, bool TakesValue, string[]? Choices = null, bool IsInteger = false, string? DeniedBecause = null)
{
    public static readonly IReadOnlyDictionary<string, GlobalOption> All = new[]
    {
        new GlobalOption("--debug", false, DeniedBecause: "--debug prints request signing details and credentials-adjacent data to stderr; it is not allowed"),
        new GlobalOption("--endpoint-url", true),
        new GlobalOption("--no-verify-ssl", false, DeniedBecause: "--no-verify-ssl turns off TLS certificate checks; it is not allowed (set AWS_CA_BUNDLE for private CAs)"),
        new GlobalOption("--no-paginate", false),
        new GlobalOption("--output", true, ["json", "text", "table", "yaml", "yaml-stream"]),
        new GlobalOption("--query", true),
        new GlobalOption("--profile", true),
        new GlobalOption("--region", true),
        new GlobalOption("--version", false),
        new GlobalOption("--color", true, ["on", "off", "auto"]),
        new GlobalOption("--no-sign-request", false, DeniedBecause: "--no-sign-request sends unsigned requests; it is not allowed"),
        new GlobalOption("--ca-bundle", true),
        new GlobalOption("--cli-read-timeout", true, IsInteger: true),
        new GlobalOption("--cli-connect-timeout", true, IsInteger: true),
        new GlobalOption("--v2-debug", false),
    }.ToDictionary(o => o.Name, StringComparer.Ordinal);
}
