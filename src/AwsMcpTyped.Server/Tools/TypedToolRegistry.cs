using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;

namespace AwsMcpTyped.Server.Tools;

/// <summary>
/// The typed tools currently listed: every visible operation of each enabled service (streaming-output operations,
/// which need a file, stay with execute_command). Services are enabled at start (AWS_MCP_SERVICES) or later by
/// enable_service; tools are created without reflection and describe themselves on first use. Tools the safety policy
/// refuses outright (write tools in read-only mode, commands under an unconditional deny rule) are not listed.
/// </summary>
internal sealed class TypedToolRegistry(AwsCatalogue catalogue, CommandExecutor executor)
{
    private readonly Lock _lock = new();
    private readonly List<TypedOperationTool> _tools = [];
    private readonly Dictionary<string, TypedOperationTool> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ServiceDescriptor Service, CommandDescriptor Command)> _withheld = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> EnabledServices
    {
        get
        {
            lock (_lock)
                return _services.ToArray();
        }
    }

    /// <summary>Adds a service's operations; returns how many tools were added (0 if it was already enabled).</summary>
    public int Enable(ServiceDescriptor service)
    {
        var operations = Operations(service).ToLookup(c => executor.MayList(service, c));
        var tools = operations[true].Select(c => new TypedOperationTool(catalogue, executor, service, c)).ToList();
        lock (_lock)
        {
            if (!_services.Add(service.Name))
                return 0;
            foreach (var command in operations[false])
                _withheld.TryAdd(TypedToolNames.For(service.Name, command.Name), (service, command));
            foreach (var tool in tools.Where(t => _byName.TryAdd(t.Name, t)))
                _tools.Add(tool);
            return tools.Count;
        }
    }

    public IReadOnlyList<TypedOperationTool> Snapshot()
    {
        lock (_lock)
            return _tools.ToArray();
    }

    public TypedOperationTool? Find(string name)
    {
        lock (_lock)
            return _byName.GetValueOrDefault(name);
    }

    /// <summary>Why the policy keeps an enabled service's tool out of the list (read-only mode, a deny rule, the
    /// allow-list), or null when the name is no such tool: a caller of a withheld tool learns why, not "unknown tool".</summary>
    public string? WhyWithheld(string name)
    {
        (ServiceDescriptor Service, CommandDescriptor Command) withheld;
        lock (_lock)
        {
            if (!_withheld.TryGetValue(name, out withheld))
                return null;
        }
        if (executor.Policy.WhyUnlisted(withheld.Service.Name, withheld.Command) is not { } refusal)
            return null;
        executor.AuditRefusal(name, $"aws {withheld.Service.Name} {withheld.Command.Name}", refusal.Reason, refusal.Rule);
        return refusal.Reason;
    }

    public static IEnumerable<CommandDescriptor> Operations(ServiceDescriptor service) =>
        service.Commands.Where(c => c.Kind == CommandKind.Operation && !c.IsHidden && (c.Flags & CommandFlags.StreamingOutput) == 0);
}
