using Microsoft.CodeAnalysis;

namespace AwsMcpTyped.Generators.Model
{
    /// <summary>A diagnostic as plain data (a file path and a message), kept out of the source models so
    /// that locations never break caching; turned into a <see cref="Diagnostic"/> only when reported.</summary>
    internal sealed record DiagnosticInfo(string Path, int Line, string Message)
    {
        public static readonly DiagnosticDescriptor MalformedServiceModel = new DiagnosticDescriptor(
            id: "AWSCAT001",
            title: "Malformed service model",
            messageFormat: "{0}({1}): {2}",
            category: "AwsMcpTyped.Catalogue",
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public Diagnostic ToDiagnostic() => Diagnostic.Create(MalformedServiceModel, Location.None, Path, Line, Message);
    }

    /// <summary>The outcome of parsing one file: a spec, or the reason there is none.</summary>
    internal sealed record ParseResult(ServiceSpec? Spec, DiagnosticInfo? Error);
}
