namespace AwsMcpTyped.Generators
{
    /// <summary>Names of the pipeline steps, so tests can assert that a second run keeps them cached.</summary>
    internal static class TrackingNames
    {
        public const string ServiceModelFiles = nameof(ServiceModelFiles);
        public const string ParsedServiceModels = nameof(ParsedServiceModels);
        public const string ServiceSpecs = nameof(ServiceSpecs);
        public const string IndexEntries = nameof(IndexEntries);
        public const string Diagnostics = nameof(Diagnostics);
    }
}
