using System.Security.Cryptography;
using System.Text;

namespace AwsMcpTyped.Server.Tools;

/// <summary>
/// MCP tool names for catalogue operations: <c>ec2_describe_instances</c>, <c>s3api_list_buckets</c>. MCP allows
/// <c>[A-Za-z0-9_.-]</c> and at most 64 characters; the few longer names keep 55 characters and a stable hash.
/// </summary>
public static class TypedToolNames
{
    public const int MaxLength = 64;

    public static string For(string service, string command)
    {
        var name = new StringBuilder(service.Length + command.Length + 1);
        foreach (var c in service + "_" + command)
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        var text = name.ToString();
        if (text.Length <= MaxLength)
            return text;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
        return text[..(MaxLength - 9)] + "_" + hash;
    }

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
}
