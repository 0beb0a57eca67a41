namespace AwsMcpTyped.Catalogue;

/// <summary>A service of the catalogue by name, with a factory for its command table (built on first use).</summary>
public sealed record ServiceEntry(string Name, Func<ServiceDescriptor> Load);
