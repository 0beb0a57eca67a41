using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.ServiceModel;

namespace AwsMcpTyped.ModelCompiler.Emit;

/// <summary>
/// Writes the small, line-based <c>&lt;service&gt;.svcmodel</c> file the Roslyn generator turns into the typed
/// per-service tables. A tab-separated format keeps the generator free of JSON libraries (it runs inside the
/// compiler) and the files diffable. Grammar, one record per line:
/// <code>
/// # awscat service model v3
/// service  &lt;cli name&gt; &lt;botocore name|-&gt; &lt;api version|-&gt; &lt;alias of|-&gt; &lt;hidden|-&gt; &lt;full name|-&gt; &lt;dialects&gt;
/// command  &lt;cli name&gt; &lt;operation|-&gt; &lt;kind&gt; &lt;access&gt; &lt;flags&gt; &lt;IAM actions|-&gt; &lt;dialects&gt;
/// arg      &lt;cli name&gt; &lt;member|-&gt; &lt;type&gt; &lt;flags&gt; &lt;dialects&gt;
/// </code>
/// Enum values are written by their C# names; flags as a comma-separated list or <c>None</c>; IAM actions as a
/// comma-separated list of <c>prefix:Action</c> (<c>-</c> when the command performs none); dialects, the AWS CLI
/// versions that have the record, as <c>-</c> for both (almost every record, so the files stay small and diffs show
/// only real differences), else <c>V1</c> or <c>V2</c>. A command's args follow it; a name may appear twice with
/// disjoint dialects. An empty command name (v2's <c>login</c>, a top-level command that runs itself) is written
/// <c>-</c> like any empty field. The header and the dialect tokens live in ServiceModelFormat.cs, shared with the
/// generator's parser.
/// </summary>
internal static class ServiceModelWriter
{
    public static string Write(ServiceDescriptor service)
    {
        var text = new StringBuilder();
        text.Append(ServiceModelFormat.Header).Append('\n');
        Line(text, "service", service.Name, service.BotocoreName, service.ApiVersion, service.AliasOf, service.Hidden ? "hidden" : null, service.FullName,
            DialectsText(service.Dialects));
        foreach (var command in service.Commands)
        {
            Line(text, "command", command.Name, command.Operation, command.Kind.ToString(), command.Access.ToString(), FlagsText(command.Flags),
                string.Join(',', command.Actions), DialectsText(command.Dialects));
            foreach (var argument in command.Arguments)
                Line(text, "arg", argument.Name, argument.Member, argument.Type.ToString(), FlagsText(argument.Flags), DialectsText(argument.Dialects));
        }
        return text.ToString();
    }

    private static string DialectsText(CliDialects dialects) => dialects switch
    {
        CliDialects.All => ServiceModelFormat.AllDialects,
        CliDialects.V1 => ServiceModelFormat.V1Only,
        CliDialects.V2 => ServiceModelFormat.V2Only,
        _ => throw new InvalidDataException($"a record must exist in at least one CLI version, not {dialects}"),
    };

    private static string FlagsText<TEnum>(TEnum flags) where TEnum : struct, Enum =>
        flags.ToString().Replace(" ", "", StringComparison.Ordinal);

    private static void Line(StringBuilder text, string record, params string?[] fields)
    {
        text.Append(record);
        foreach (var field in fields)
        {
            var value = string.IsNullOrEmpty(field) ? "-" : field;
            if (value.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
                throw new InvalidDataException($"{record} field contains a tab or newline: {value}");
            text.Append('\t').Append(value);
        }
        text.Append('\n');
    }
}
