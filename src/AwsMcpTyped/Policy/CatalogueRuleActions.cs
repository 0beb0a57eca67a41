using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Policy;

/// <summary>Command rules' actions from the catalogue (see <see cref="CommandRuleActions"/>).</summary>
public static class CatalogueRuleActions
{
    /// <summary>The actions of the single-action API operations a command rule names. Only the services the rule's
    /// service pattern matches are loaded; IAM action names compare case-insensitively, as IAM compares them.</summary>
    public static CommandRuleActions For(AwsCatalogue catalogue) => rule =>
    {
        var actions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in catalogue.ServiceNames.Where(rule.Service.IsMatch))
        {
            foreach (var command in catalogue.FindService(name)?.Commands ?? [])
            {
                if (command is { Kind: CommandKind.Operation, Actions.Count: 1 } && rule.Command.IsMatch(command.Name))
                    actions.Add(command.Actions[0]);
            }
        }
        return actions;
    };
}
