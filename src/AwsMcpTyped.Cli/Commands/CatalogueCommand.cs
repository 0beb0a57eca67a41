using System.CommandLine;
using System.Text.Json;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Cli.Commands;

/// <summary><c>awsmcp catalogue export</c>: the whole catalogue as JSON on stdout.</summary>
internal static class CatalogueCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Print every service, command and argument of the catalogue as JSON.");
        export.SetAction(_ =>
        {
            using var stdout = Console.OpenStandardOutput();
            CatalogueExport.Write(AwsCatalogue.Default, stdout);
            return 0;
        });
        return new Command("catalogue", "Inspect the built-in catalogue.") { export, CreateSchema() };
    }

    /// <summary><c>awsmcp catalogue schema &lt;service&gt; &lt;command…&gt; [--output]</c>: a command's JSON Schema.</summary>
    private static Command CreateSchema()
    {
        var service = new Argument<string>("service") { Description = "The CLI service, e.g. dynamodb" };
        var command = new Argument<string[]>("command") { Description = "The command, e.g. create-table", Arity = ArgumentArity.OneOrMore };
        var output = new Option<bool>("--output") { Description = "Print the output schema instead of the input schema" };
        var schema = new Command("schema", "Print the JSON Schema of a command's API input (or output).") { service, command, output };
        schema.SetAction(parse =>
        {
            var catalogue = AwsCatalogue.Default;
            var serviceName = parse.GetValue(service)!;
            var commandName = string.Join(' ', parse.GetValue(command)!);
            var descriptor = catalogue.FindService(serviceName);
            var found = descriptor is null ? null : catalogue.FindCommand(serviceName, commandName);
            if (descriptor is null || found is null)
            {
                Console.Error.WriteLine($"Unknown command '{serviceName} {commandName}'. Try: awsmcp describe {serviceName}");
                return 1;
            }
            var json = parse.GetValue(output) ? catalogue.GetOutputSchema(descriptor, found) : catalogue.GetInputSchema(descriptor, found);
            if (json is null)
            {
                Console.Error.WriteLine($"'{serviceName} {commandName}' is a CLI customization: it has no single API operation, so no schema. See awsmcp describe {serviceName} {commandName}.");
                return 1;
            }
            Console.Out.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return schema;
    }
}

/// <summary>The export format: <c>{"botocore":"…","services":[{"name","commands":[{"name","operation","access","arguments":[{"name","required"}]}]}]}</c>;
/// hidden, positional and type are added where they say something.</summary>
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
        if (command.IsHidden)
            json.WriteBoolean("hidden", true);
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
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
