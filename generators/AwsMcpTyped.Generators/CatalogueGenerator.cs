using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using AwsMcpTyped.Generators.Emitting;
using AwsMcpTyped.Generators.Helpers;
using AwsMcpTyped.Generators.Model;
using AwsMcpTyped.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AwsMcpTyped.Generators
{
    /// <summary>
    /// *.svcmodel additional files → one typed class per service plus the service index.
    /// Pipeline: file → parse (equatable <see cref="ServiceSpec"/>) → emit; diagnostics travel in a separate
    /// branch, and the index only sees service names, so an edit to one service regenerates that service alone.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class CatalogueGenerator : IIncrementalGenerator
    {
        public const string FileExtension = ".svcmodel";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase))
                .WithTrackingName(TrackingNames.ServiceModelFiles)
                .Select(static (file, cancellationToken) =>
                    ServiceModelParser.Parse(file.Path, file.GetText(cancellationToken)?.ToString() ?? ""))
                .WithTrackingName(TrackingNames.ParsedServiceModels);

            var specs = parsed
                .Where(static result => result.Spec != null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.ServiceSpecs);

            var diagnostics = parsed
                .Where(static result => result.Error != null)
                .Select(static (result, _) => result.Error!)
                .WithTrackingName(TrackingNames.Diagnostics);

            var index = specs
                .Select(static (spec, _) => new ServiceIndexEntry(spec.CliName, spec.ClassName, spec.Hidden, spec.BotocoreName != null, spec.Dialects))
                .Collect()
                .Select(static (entries, _) => entries.OrderBy(e => e.CliName, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.IndexEntries);

            context.RegisterSourceOutput(specs, static (output, spec) =>
                output.AddSource(spec.ClassName + ".g.cs", SourceText.From(ServiceEmitter.Emit(spec), Encoding.UTF8)));

            context.RegisterSourceOutput(index, static (output, entries) =>
                output.AddSource("CatalogueServices.g.cs", SourceText.From(IndexEmitter.Emit(entries), Encoding.UTF8)));

            context.RegisterSourceOutput(diagnostics, static (output, error) => output.ReportDiagnostic(error.ToDiagnostic()));
        }
    }
}
