namespace AwsMcpTyped.Describe;

/// <summary>A describe page, or a short error (unknown service, command or parameter, with the nearest names).</summary>
public sealed record DescribeResult(string Text, bool IsError)
{
    public static DescribeResult Page(string text) => new(text, false);

    public static DescribeResult Error(string text) => new(text, true);
}
