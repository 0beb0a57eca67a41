namespace AwsMcpTyped.ServiceModel
{
    /// <summary>
    /// The <c>.svcmodel</c> format facts both its writer (the model compiler) and its reader (the Roslyn generator)
    /// must agree on. This one file is compiled into both projects (linked), so the version cannot drift between them.
    /// Grammar: generators/AwsMcpTyped.ModelCompiler/Emit/ServiceModelWriter.cs.
    /// </summary>
    internal static class ServiceModelFormat
    {
        /// <summary>The first line of every file; bump the version whenever a record gains or loses a field.</summary>
        public const string Header = "# awscat service model v3";

        /// <summary>The dialects field of a record that exists in both CLI versions (the common case, kept short).</summary>
        public const string AllDialects = "-";

        /// <summary>The dialects field of a record only AWS CLI v1 has (the C# name of <c>CliDialects.V1</c>).</summary>
        public const string V1Only = "V1";

        /// <summary>The dialects field of a record only AWS CLI v2 has.</summary>
        public const string V2Only = "V2";
    }
}
