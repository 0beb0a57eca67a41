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
