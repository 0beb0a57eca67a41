using AwsMcpTyped.Generators.Helpers;

namespace AwsMcpTyped.Generators.Model
{
    /// <summary>One service as parsed from its .svcmodel file: immutable and value-equatable, holding no
    /// Roslyn objects, so an unchanged file yields an equal spec and its output stays cached.</summary>
    internal sealed record ServiceSpec(
        string CliName,
        string ClassName,
        string? BotocoreName,
        string? ApiVersion,
        string? AliasOf,
        bool Hidden,
        string? FullName,
        EquatableArray<CommandSpec> Commands,
        string Dialects);

    internal sealed record CommandSpec(
        string Name,
        string ConstantName,
        string? Operation,
        string Kind,
        string Access,
        string Flags,
        EquatableArray<string> Actions,
        EquatableArray<ArgumentSpec> Arguments,
        string Dialects);

    /// <param name="Dialects">The <c>CliDialects</c> member (All, V1, V2), as in the other specs.</param>
    internal sealed record ArgumentSpec(string Name, string? Member, string Type, string Flags, string Dialects);

    /// <summary>What the catalogue index needs of a service: its names and whether it is listed or an API service,
    /// so editing one service's commands does not re-run the index step, and listing services builds no tables.</summary>
    internal sealed record ServiceIndexEntry(string CliName, string ClassName, bool Hidden, bool IsApi, string Dialects);
}
