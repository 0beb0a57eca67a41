namespace AwsMcpTyped.Execution.Validation;

/// <summary>Why a command was refused before anything ran.</summary>
public enum RejectionKind
{
    /// <summary>Shell syntax we do not run: ;, &amp;&amp;, redirections, substitutions, variables, unterminated quotes…</summary>
    ShellSyntax,
    /// <summary>The first stage is not <c>aws</c>, or a later stage is not an allowed filter.</summary>
    NotAllowedProgram,
    /// <summary>Unknown service, command or argument (with the nearest names).</summary>
    UnknownName,
    /// <summary>A required argument is missing or a value has the wrong type.</summary>
    InvalidArgument,
    /// <summary>Known and well-formed, but refused by policy (credentials, --debug, non-loopback endpoint, …).</summary>
    Denied,
}

/// <summary>A refusal with an actionable message. Nothing was executed.</summary>
public sealed record Rejection(RejectionKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
