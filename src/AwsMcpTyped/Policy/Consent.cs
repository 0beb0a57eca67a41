namespace AwsMcpTyped.Policy;

/// <summary>What the user is asked to confirm.</summary>
public sealed record ConsentRequest(string CommandLine, PolicySubject Subject, string Reason);

public enum ConsentAnswer
{
    Given,
    Declined,
    /// <summary>There is no way to ask (an MCP client without elicitation, a non-interactive exec).</summary>
    Unavailable,
}

/// <summary>Asks the user to confirm one command (MCP elicitation in the server, --yes for awsmcp exec).</summary>
public delegate ValueTask<ConsentAnswer> ConsentPrompt(ConsentRequest request, CancellationToken cancellationToken);
