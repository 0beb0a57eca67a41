namespace AwsMcpTyped.Catalogue;

/// <summary>A top-level CLI command (a service such as <c>ec2</c>, or <c>s3</c>, <c>configure</c>, <c>history</c>).</summary>
/// <param name="Name">The CLI name: <c>s3api</c>, <c>configservice</c>, <c>runtime.sagemaker</c>.</param>
/// <param name="BotocoreName">The botocore service directory, or null for customization-only commands.</param>
/// <param name="AliasOf">For legacy aliases such as runtime.sagemaker, the CLI name it mirrors.</param>
/// <param name="Hidden">Accepted by the CLI but not listed in its help.</param>
public sealed record ServiceDescriptor(
    string Name,
    string? BotocoreName,
    string? ApiVersion,
    string? FullName,
    string? AliasOf,
    bool Hidden,
    IReadOnlyList<CommandDescriptor> Commands)
{
    /// <summary>The CLI versions that have this top-level command (v1 only: runtime.sagemaker, sms-voice; v2 only:
    /// ddb, login, logout).</summary>
    public CliDialects Dialects { get; init; } = CliDialects.All;

    /// <summary>This service as one CLI version has it: only that version's commands and arguments.</summary>
    public ServiceDescriptor For(CliDialects dialect) =>
        Commands.All(c => c.Dialects.HasFlag(dialect) && c.Arguments.All(a => a.Dialects.HasFlag(dialect)))
            ? this
            : this with
            {
                Commands = Commands.Where(c => (c.Dialects & dialect) != 0)
                    .Select(c => c.Arguments.All(a => a.Dialects.HasFlag(dialect))
                        ? c
                        : c with { Arguments = c.Arguments.Where(a => (a.Dialects & dialect) != 0).ToList() })
                    .ToList(),
            };
}
