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
    IReadOnlyList<CommandDescriptor> Commands);
