using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Effects;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Tests.Execution.Effects;

/// <summary>Parses command lines with the real validator and reports the class and actions the policy will see.</summary>
internal static class EffectsHarness
{
    private static readonly CommandValidator Validator = new(AwsCatalogue.Default, ExecutionPolicy.Default);

    public static AwsInvocation Parse(string line)
    {
        var (command, rejection) = Validator.Validate(line, ExecutionPolicy.Default.DefaultTimeoutSeconds);
        Assert.True(command is not null, $"{line}\n  rejected: {rejection}");
        return command!.Aws;
    }

    /// <summary>Single-quotes a value for the command line (the validator reads shell words).</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    /// <summary>Checks the effect: <paramref name="actions"/> "-" means the arguments change nothing (null effect) and
    /// the catalogue's class is <paramref name="access"/>.</summary>
    public static void Check(string line, string access, string actions)
    {
        var invocation = Parse(line);
        var effect = ArgumentEffects.Of(invocation);
        var subject = CommandSubject.For(invocation, new CallTarget("us-east-1", "default"))!;
        if (actions == "-")
            Assert.True(effect is null, $"{line}\n  expected no argument effect, got {effect}");
        else
        {
            Assert.True(effect is not null, $"{line}\n  expected an argument effect");
            Assert.Equal(actions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), effect!.Actions);
            Assert.Equal(effect.Actions, subject.PerformedActions);
        }
        Assert.True(access == subject.Access.ToWireName(), $"{line}\n  expected {access}, got {subject.Access.ToWireName()} ({effect?.Why})");
    }
}
