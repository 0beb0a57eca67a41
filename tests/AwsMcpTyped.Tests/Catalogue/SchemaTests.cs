using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Tests.Catalogue;

/// <summary>Input and output JSON Schemas built from the shape graph.</summary>
public sealed class SchemaTests
{
    private static JsonObject Input(string service, string command)
    {
        var descriptor = AwsCatalogue.Default.FindService(service)!;
        return AwsCatalogue.Default.GetInputSchema(descriptor, AwsCatalogue.Default.FindCommand(service, command)!)!;
    }

    [Fact]
    public void Dynamodb_create_table_input_schema_has_required_members_and_enums()
    {
        var schema = Input("dynamodb", "create-table");
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("object", (string?)schema["type"]);
        var required = schema["required"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(["TableName"], required); // KeySchema became optional in recent models (e.g. for global-table replicas)
        var keySchema = schema["properties"]!["KeySchema"]!;
        Assert.Equal("array", (string?)keySchema["type"]);
        var element = schema["$defs"]![((string)keySchema["items"]!["$ref"]!).Split('/')[^1]]!;
        Assert.Equal(["AttributeName", "KeyType"], element["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["HASH", "RANGE"], element["properties"]!["KeyType"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool)schema["additionalProperties"]!);
    }

    [Fact]
    public void Recursive_shapes_become_self_referencing_definitions()
    {
        var schema = Input("dynamodb", "put-item");
        var attributeValue = schema["$defs"]!["AttributeValue"]!;
        Assert.Equal("#/$defs/AttributeValue", (string?)attributeValue["properties"]!["M"]!["additionalProperties"]!["$ref"]);
        Assert.Equal("#/$defs/AttributeValue", (string?)attributeValue["properties"]!["L"]!["items"]!["$ref"]);
    }

    [Fact]
    public void Output_schema_describes_the_response()
    {
        var descriptor = AwsCatalogue.Default.FindService("s3api")!;
        var schema = AwsCatalogue.Default.GetOutputSchema(descriptor, AwsCatalogue.Default.FindCommand("s3api", "list-buckets")!)!;
        Assert.Equal("array", (string?)schema["properties"]!["Buckets"]!["type"]);
        Assert.NotNull(schema["$defs"]!["Bucket"]!["properties"]!["CreationDate"]);
        Assert.Equal("date-time", (string?)schema["$defs"]!["Bucket"]!["properties"]!["CreationDate"]!["format"]);
    }

    [Fact]
    public void Every_operation_has_input_and_output_schemas_with_resolvable_references()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var service in AwsCatalogue.Default.LoadAll().Where(s => s.AliasOf is null))
        {
            foreach (var command in service.Commands.Where(c => c.Kind == CommandKind.Operation))
            {
                foreach (var schema in new[] { AwsCatalogue.Default.GetInputSchema(service, command)!, AwsCatalogue.Default.GetOutputSchema(service, command)! })
                {
                    count++;
                    var definitions = schema["$defs"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                    var text = schema.ToJsonString();
                    foreach (var reference in References(schema))
                    {
                        if (!definitions.Contains(reference))
                            failures.Add($"{service.Name} {command.Name}: unresolved $ref {reference}");
                    }
                    if (text.Length > 2_000_000)
                        failures.Add($"{service.Name} {command.Name}: schema of {text.Length} characters");
                }
            }
        }
        Assert.True(count > 36_000, $"{count} schemas");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Customizations_have_no_schema()
    {
        var s3 = AwsCatalogue.Default.FindService("s3")!;
        Assert.Null(AwsCatalogue.Default.GetInputSchema(s3, AwsCatalogue.Default.FindCommand("s3", "cp")!));
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [((string)p.Value!).Split('/')[^1]] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
