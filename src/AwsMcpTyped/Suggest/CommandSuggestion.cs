using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>One AWS CLI command proposed for a natural-language request.</summary>
/// <param name="Service">The CLI service: <c>s3api</c>, <c>ec2</c>.</param>
/// <param name="Command">The CLI command: <c>list-buckets</c>, <c>wait instance-running</c>, <c>cp</c>.</param>
/// <param name="Summary">The first sentence of the command's documentation, on one line.</param>
/// <param name="Access">read, write, destructive or sensitive-read, as execute_command classifies it.</param>
/// <param name="RequiredArguments">The required arguments as the CLI spells them (<c>--table-name</c>, <c>paths</c>).</param>
/// <param name="Score">The ranking score (higher is better; only comparable within one query).</param>
public sealed record CommandSuggestion(
    string Service,
    string Command,
    string Summary,
    AccessClass Access,
    IReadOnlyList<string> RequiredArguments,
    double Score)
{
    /// <summary>The command line prefix: <c>aws s3api list-buckets</c>.</summary>
    public string CommandLine => $"aws {Service} {Command}";
}
