namespace AwsMcpTyped.Tests.Support;

/// <summary>A fact that needs an environment variable (a path to something most machines lack) and is skipped,
/// with <paramref name="reason"/>, when it is not set.</summary>
public sealed class FactWhenEnvironmentAttribute : FactAttribute
{
    public FactWhenEnvironmentAttribute(string variable, string reason)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
            Skip = $"{variable} is not set: {reason}";
    }
}
