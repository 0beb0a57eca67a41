using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// What to say about a command whose origin is not the built catalogue alone (<see cref="AwsCatalogue.Origin"/>): one
/// the installed AWS CLI lacks is refused before it runs, with the way out (the CLI would only print its usage); one
/// that only the installed CLI's models have is described with a note that says where it comes from.
/// </summary>
internal static class InstalledCliSkew
{
    private const string InstallGuide = "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html";

    /// <summary>Why <paramref name="command"/> (the service itself when null) cannot run on the installed CLI, or null.</summary>
    public static string? Refusal(AwsCatalogue view, ServiceDescriptor service, CommandDescriptor? command)
    {
        if (view.InstalledCli is not { } installed || view.Origin(service, command) != CommandOrigin.MissingFromInstalledCli)
            return null;
        var what = command is null ? $"'aws {service.Name}'" : $"'aws {service.Name} {command.Name}'";
        var built = AwsCatalogue.CliVersion(view.Dialect);
        var relation = Version.TryParse(built, out var builtVersion) ? installed.CliVersion.CompareTo(builtVersion) : 0;
        return relation switch
        {
            < 0 => $"{what} is not in your AWS CLI {installed.CliVersion}: it came in a later version (the server's catalogue is from " +
                   $"AWS CLI {built}). Upgrade the AWS CLI to use it: {InstallGuide}",
            > 0 => $"{what} is not in your AWS CLI {installed.CliVersion}: AWS withdrew it after {built}, the version the server's catalogue " +
                   "was built from. Call describe_command for the commands the service has now.",
            _ => $"{what} is not in the service model the AWS CLI loads here (from {string.Join(" or ", installed.ExtraModels)}, which " +
                 "replaces the built-in one): remove that model, or use a command it has.",
        };
    }

    /// <summary>A line for the describe page of a command only the installed CLI's models have, or null.</summary>
    public static string? Note(AwsCatalogue view, ServiceDescriptor service, CommandDescriptor command) =>
        view.InstalledCli is { } installed && view.Origin(service, command) == CommandOrigin.InstalledModels
            ? $"Note: this command comes from the models your AWS CLI {installed.CliVersion} loads; the server's catalogue " +
              $"(AWS CLI {AwsCatalogue.CliVersion(view.Dialect)}) does not have it. Its access class ({command.Access.ToWireName()}) is " +
              "from the IAM reference where it lists the operation, else from the operation's verb."
            : null;
}
