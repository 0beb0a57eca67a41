using System.Collections.Immutable;
using AwsMcpTyped.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AwsMcpTyped.Generators.Tests.Support;

/// <summary>Runs <see cref="CatalogueGenerator"/> over in-memory .svcmodel files with step tracking on.</summary>
internal static class GeneratorHarness
{
    /// <summary>The one hand-written type generated code needs from the catalogue project.</summary>
    private const string CatalogueStub = """
        namespace AwsMcpTyped.Catalogue;
        public sealed record ServiceEntry(string Name, bool Hidden, bool IsApi, System.Func<ServiceDescriptor> Load, CliDialects Dialects = CliDialects.All);
        """;

    public static CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "GeneratorTest",
        [CSharpSyntaxTree.ParseText(CatalogueStub)],
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver NewDriver(IEnumerable<AdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            [new CatalogueGenerator().AsSourceGenerator()],
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AdditionalText File(string path, string text) => new InMemoryText(path, text);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Append(typeof(ServiceDescriptor).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
