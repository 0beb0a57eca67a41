using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>What validation learned about the <c>aws</c> stage: the command, its arguments as parsed and the global
/// options that matter later.</summary>
public sealed record AwsInvocation(
    ServiceDescriptor? Service,
    CommandDescriptor? Command,
    ParsedArguments Arguments,
    string OutputFormat,
    string? Region,
    string? Profile,
    string? EndpointUrl,
    string? CaBundle)
{
    /// <summary><c>aws --version</c> alone.</summary>
    public bool IsVersionOnly => Service is null;
}
