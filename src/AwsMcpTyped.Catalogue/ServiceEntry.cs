namespace AwsMcpTyped.Catalogue;

/// <summary>A service of the catalogue by name, with a factory for its command table (built on first use).</summary>
/// <param name="Hidden">Accepted by the CLI but not listed (runtime.sagemaker, sms-voice).</param>
/// <param name="IsApi">Backed by a botocore model (false for s3, configure, history).</param>
/// <param name="Dialects">The CLI versions that have it.</param>
public sealed record ServiceEntry(string Name, bool Hidden, bool IsApi, Func<ServiceDescriptor> Load, CliDialects Dialects = CliDialects.All);
