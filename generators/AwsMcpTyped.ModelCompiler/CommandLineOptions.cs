namespace AwsMcpTyped.ModelCompiler;

/// <summary>The tool's tiny command line: a subcommand and <c>--name value</c> pairs.</summary>
internal sealed class CommandLineOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Command { get; private init; }

    public static CommandLineOptions Parse(string[] args)
    {
        var options = new CommandLineOptions { Command = args.Length > 0 ? args[0] : null };
        for (var i = 1; i + 1 < args.Length; i += 2)
            options._values[args[i]] = args[i + 1];
        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) =>
        Get(name) ?? throw new ArgumentException($"missing {name}");
}
