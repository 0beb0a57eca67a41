using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>Orders access classes from least to most dangerous, to unite the effects of several statements.</summary>
internal static class Strictness
{
    /// <summary>read &lt; sensitive-read &lt; write &lt; destructive: a changed resource is worse than a revealed
    /// secret only in that it cannot be undone by rotating it; policies key on the class by name, so the order
    /// matters only when effects are united.</summary>
    public static int Rank(AccessClass access) => access switch
    {
        AccessClass.Read => 0,
        AccessClass.SensitiveRead => 1,
        AccessClass.Write => 2,
        _ => 3,
    };

    public static AccessClass Max(AccessClass a, AccessClass b) => Rank(a) >= Rank(b) ? a : b;

    public static AccessClass Min(AccessClass a, AccessClass b) => Rank(a) <= Rank(b) ? a : b;
}
