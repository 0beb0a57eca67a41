using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// What a command does with the arguments it was given, when they decide more than the catalogue does: the complete
/// list of IAM actions it performs (sorted, distinct) and its access class.
/// </summary>
/// <param name="Actions">Every IAM action the command performs with these arguments (<c>s3:GetObject</c>,
/// <c>dynamodb:PartiQLDelete</c>); it replaces the catalogue's list for this call.</param>
/// <param name="Access">The class with these arguments; replaces the catalogue's.</param>
/// <param name="Why">One line saying which argument decided it, for audit and consent prompts.</param>
public sealed record ArgumentEffect(IReadOnlyList<string> Actions, AccessClass Access, string Why);
