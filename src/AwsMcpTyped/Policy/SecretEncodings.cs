using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcpTyped.Policy;

/// <summary>
/// The forms a secret takes once encoded into other text, for <see cref="SecretRedactor"/>: URL-encoded (every
/// reserved character as <c>%XX</c> in either case, or left bare, as presigned URLs and query strings mix them, and a
/// space as <c>+</c>) and base64/base64url. Base64 of a secret inside longer data depends on where the secret starts
/// within a 3-byte group, so each of the 3 alignments gives a core: the characters made of the secret's bits alone.
/// </summary>
internal static class SecretEncodings
{
    /// <summary>Matches any URL-encoded form of the secret that differs from the secret itself; null when the
    /// secret has nothing to encode.</summary>
    public static string? UrlPattern(string secret)
    {
        if (Uri.EscapeDataString(secret) == secret)
            return null;
        var pattern = new StringBuilder();
        foreach (var rune in secret.EnumerateRunes())
        {
            var text = rune.ToString();
            var escaped = Uri.EscapeDataString(text);
            if (escaped == text)
            {
                pattern.Append(Regex.Escape(text));
                continue;
            }
            pattern.Append("(?:").Append(Regex.Escape(text));
            pattern.Append('|').Append(Regex.Replace(escaped, "[A-F]", m => $"[{m.Value}{char.ToLowerInvariant(m.Value[0])}]"));
            if (text == " ")
                pattern.Append(@"|\+");
            pattern.Append(')');
        }
        return pattern.ToString();
    }

    /// <summary>The base64 and base64url cores of the secret at the 3 byte alignments (each at least
    /// <paramref name="minimumLength"/> characters, to stay specific to this secret).</summary>
    public static IEnumerable<string> Base64Cores(string secret, int minimumLength)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var pad = 0; pad < 3; pad++)
        {
            var data = new byte[pad + bytes.Length];
            bytes.CopyTo(data, pad);
            var encoded = Convert.ToBase64String(data);
            var first = (8 * pad + 5) / 6; // the first character with no pad bit
            var end = 8 * data.Length / 6; // past the last character with no bit of what follows
            if (end - first < minimumLength)
                continue;
            var core = encoded[first..end];
            yield return core;
            yield return core.Replace('+', '-').Replace('/', '_');
        }
    }
}
