using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>What validation learned about the <c>aws</c> stage: the command and the global options that matter later.</summary>
public sealed record AwsInvocation(
    ServiceDescriptor? Service,
    CommandDescriptor? Command,
    string OutputFormat,
    string? Region,
    string? Profile,
    string? EndpointUrl)
{
    /// <summary><c>aws --version</c> alone.</summary>
    public bool IsVersionOnly => Service is null;
}
