using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// Reads every visible command of the catalogue (operations, customizations, waiters; no hidden commands, no alias
/// or hidden services) with the text to index, services in parallel.
/// </summary>
internal static class SuggestCorpus
{
    public sealed record Entry(SuggestDocument Document, DocumentFields Fields);

    public static List<Entry> Read(AwsCatalogue catalogue)
    {
        var names = catalogue.ServiceNames;
        var perService = new List<Entry>[names.Count];
        Parallel.For(0, names.Count, i =>
        {
            var service = catalogue.FindService(names[i]);
            perService[i] = service is null || service.Hidden || service.AliasOf is not null || service.Commands.Count == 0
                ? []
                : Read(service, ServiceText.Read(catalogue, service));
        });
        return perService.SelectMany(e => e).ToList();
    }

    private static List<Entry> Read(ServiceDescriptor service, ServiceText text)
    {
        var entries = new List<Entry>(service.Commands.Count);
        var serviceWords = ServiceWords(service.Name);
        foreach (var command in service.Commands)
        {
            if (command.IsHidden)
                continue;
            var doc = command.Kind switch
            {
                CommandKind.Custom => text.CustomSummaries.GetValueOrDefault(command.Name),
                CommandKind.Waiter => text.WaiterDocs.GetValueOrDefault(command.Name),
                _ => command.Operation is null ? null : text.OperationDocs.GetValueOrDefault(command.Operation),
            };
            var titles = text.ExampleTitles.GetValueOrDefault(command.Name);
            var required = command.Arguments.Where(a => a.IsRequired && !a.IsHidden).Select(a => a.Name).ToArray();
            var document = new SuggestDocument(service.Name, command.Name, DocText.FirstSentence(doc), command.Access, required,
                HasExample: !string.IsNullOrEmpty(titles), Deprecated: (command.Flags & CommandFlags.Deprecated) != 0);
            entries.Add(new Entry(document, new DocumentFields($"{serviceWords} {command.Name}", text.FullName ?? service.FullName, doc, titles)));
        }
        return entries;
    }

    /// <summary>The service name, plus its parts at letter/digit boundaries (s3api → s3api s3 api).</summary>
    private static string ServiceWords(string name)
    {
        var parts = new List<string> { name };
        var begin = 0;
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsDigit(name[i]) != char.IsDigit(name[i - 1]) && char.IsDigit(name[i - 1]))
            {
                parts.Add(name[begin..i]);
                begin = i;
            }
        }
        if (begin > 0)
            parts.Add(name[begin..]);
        return string.Join(' ', parts);
    }
}
