using System.Text;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.ModelCompiler.Emit;

/// <summary>
/// Writes the small, line-based <c>&lt;service&gt;.svcmodel</c> file the Roslyn generator turns into the typed
/// per-service tables. A tab-separated format keeps the generator free of JSON libraries (it runs inside the
/// compiler) and the files diffable. Grammar, one record per line:
/// <code>
/// service  &lt;cli name&gt; &lt;botocore name|-&gt; &lt;api version|-&gt; &lt;alias of|-&gt; &lt;hidden|-&gt; &lt;full name|-&gt;
/// command  &lt;cli name&gt; &lt;operation|-&gt; &lt;kind&gt; &lt;access&gt; &lt;flags&gt; &lt;IAM actions|-&gt;
/// arg      &lt;cli name&gt; &lt;member|-&gt; &lt;type&gt; &lt;flags&gt;
/// </code>
/// Enum values are written by their C# names; flags as a comma-separated list or <c>None</c>; IAM actions as a
/// comma-separated list of <c>prefix:Action</c> (<c>-</c> when the command performs none).
/// </summary>
internal static class ServiceModelWriter
{
    public const string Header = "# awscat service model v2";

    public static string Write(ServiceDescriptor service)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        Line(text, "service", service.Name, service.BotocoreName, service.ApiVersion, service.AliasOf, service.Hidden ? "hidden" : null, service.FullName);
        foreach (var command in service.Commands)
        {
            Line(text, "command", command.Name, command.Operation, command.Kind.ToString(), command.Access.ToString(), FlagsText(command.Flags),
                string.Join(',', command.Actions));
            foreach (var argument in command.Arguments)
                Line(text, "arg", argument.Name, argument.Member, argument.Type.ToString(), FlagsText(argument.Flags));
        }
        return text.ToString();
    }

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
