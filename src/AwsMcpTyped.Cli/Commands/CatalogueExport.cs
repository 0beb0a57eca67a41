using System.Text.Json;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Cli.Commands;

/// <summary>The export format: <c>{"botocore":"…","services":[{"name","commands":[{"name","operation","access","actions":[…],"arguments":[{"name","required"}]}]}]}</c>;
/// hidden, positional, sensitive and type are added where they say something; <c>"dialects":["v2"]</c> on a service,
/// command or argument only one AWS CLI version has (the merged catalogue lists a name twice where the versions
/// disagree about it).</summary>
public static class CatalogueExport
{
    public static void Write(AwsCatalogue catalogue, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("botocore", catalogue.BotocoreVersion);
        json.WriteStartArray("services");
        foreach (var service in catalogue.LoadAll())
        {
            json.WriteStartObject();
            json.WriteString("name", service.Name);
            if (service.Hidden)
                json.WriteBoolean("hidden", true);
            if (service.AliasOf is not null)
                json.WriteString("aliasOf", service.AliasOf);
            WriteDialects(json, service.Dialects);
            json.WriteStartArray("commands");
            foreach (var command in service.Commands)
                WriteCommand(json, command);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCommand(Utf8JsonWriter json, CommandDescriptor command)
    {
        json.WriteStartObject();
        json.WriteString("name", command.Name);
        json.WriteString("operation", command.Operation);
        json.WriteString("kind", command.Kind.ToString().ToLowerInvariant());
        json.WriteString("access", command.Access.ToWireName());
        json.WriteStartArray("actions");
        foreach (var action in command.Actions)
            json.WriteStringValue(action);
        json.WriteEndArray();
        if (command.IsHidden)
            json.WriteBoolean("hidden", true);
        WriteDialects(json, command.Dialects);
        json.WriteStartArray("arguments");
        foreach (var argument in command.Arguments)
        {
            json.WriteStartObject();
            json.WriteString("name", argument.Name);
            json.WriteBoolean("required", argument.IsRequired);
            json.WriteString("type", argument.Type.ToString().ToLowerInvariant());
            if (argument.Member is not null)
                json.WriteString("member", argument.Member);
            if (argument.IsHidden)
                json.WriteBoolean("hidden", true);
            if (argument.IsPositional)
                json.WriteBoolean("positional", true);
            if (argument.IsSensitive)
                json.WriteBoolean("sensitive", true);
            WriteDialects(json, argument.Dialects);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Both versions is the default and left out.</summary>
    private static void WriteDialects(Utf8JsonWriter json, CliDialects dialects)
    {
        if (dialects == CliDialects.All)
            return;
        json.WriteStartArray("dialects");
        if (dialects.HasFlag(CliDialects.V1))
            json.WriteStringValue("v1");
        if (dialects.HasFlag(CliDialects.V2))
            json.WriteStringValue("v2");
        json.WriteEndArray();
    }
}
