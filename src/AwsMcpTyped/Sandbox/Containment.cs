namespace AwsMcpTyped.Sandbox;

/// <summary>How the kernel contains the processes we start.</summary>
public enum ContainmentMechanism
{
    /// <summary>Nothing below our argument checks: they are the only line.</summary>
    None,

    /// <summary>Linux: Landlock (files, TCP, signals) and seccomp (socket, ptrace, namespaces …) set by the
    /// <c>awsmcp-sandbox</c> launcher before it execs the stage, plus a parent-death signal.</summary>
    Landlock,

    /// <summary>macOS: <c>sandbox-exec</c> with our Seatbelt profiles.</summary>
    SandboxExec,
}

/// <summary>Which protections are active, said plainly (startup, describe, the environment resource).</summary>
/// <param name="Mechanism">What contains every stage.</param>
/// <param name="Detail">The kernel feature level (e.g. <c>Landlock ABI 7, seccomp</c>), or why there is none.</param>
/// <param name="UncontainedFiltersAllowed">AWS_MCP_UNCONTAINED_FILTERS: awk, sed and jq run without containment.</param>
public sealed record Containment(ContainmentMechanism Mechanism, string Detail, bool UncontainedFiltersAllowed = false)
{
    /// <summary>The setting that lets awk, sed and jq run where nothing contains them.</summary>
    public const string UncontainedFiltersVariable = "AWS_MCP_UNCONTAINED_FILTERS";

    /// <summary>Filters that are programming languages: a checker of their programs is not a boundary, so they run only
    /// contained (or when the operator accepts the risk).</summary>
    public static IReadOnlySet<string> ProgrammableFilters { get; } = new HashSet<string>(StringComparer.Ordinal) { "awk", "sed", "jq" };

    public bool IsContained => Mechanism != ContainmentMechanism.None;

    /// <summary>Null when <paramref name="program"/> may run; else the refusal, naming the setting.</summary>
    public string? RefusalFor(string program) =>
        IsContained || UncontainedFiltersAllowed || !ProgrammableFilters.Contains(program) ? null
        : $"'{program}' is a programming language and this server cannot contain the processes it starts ({Detail}), " +
          $"so it is not run. Use --query (JMESPath) or grep/cut/sort/head instead, or set {UncontainedFiltersVariable}=true " +
          "to run awk, sed and jq with the argument checks as the only protection.";

    /// <summary>One line for startup and describe.</summary>
    public string Summary => Mechanism switch
    {
        ContainmentMechanism.Landlock =>
            $"Kernel containment: {Detail}. Filters read only their program and libraries, with no network, no other program, an empty " +
            "environment; aws reads and writes only the working directory, reads ~/.aws and its installation, writes only its caches; " +
            "every stage dies with the server.",
        ContainmentMechanism.SandboxExec =>
            $"Kernel containment: {Detail}. Filters read only system libraries, with no network and no other program; aws writes only the " +
            "working directory and its caches.",
        _ => $"No kernel containment ({Detail}): the argument checks are the only protection; " +
             (UncontainedFiltersAllowed
                 ? $"awk, sed and jq run anyway ({UncontainedFiltersVariable}=true)."
                 : $"awk, sed and jq are refused (set {UncontainedFiltersVariable}=true to allow them)."),
    };
}
