namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// AWS CLI v2 reads blob values given as text as base64 (<c>--cli-binary-format base64</c>, its default) and stops on
/// text Python's <c>base64.b64decode</c> refuses (awscli/customizations/binaryformat.py). v1 sends the text as is.
/// </summary>
internal static class BinaryFormat
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Whether v2 decodes blob text: the format on the command line, else the config file's
    /// <c>cli_binary_format</c>. A config file that sets it for any profile counts as not decoding, as the profile
    /// the CLI will read is not known here (refusing a command the CLI would run is the error to avoid).</summary>
    public static bool DecodesBase64(string? commandLineFormat)
    {
        if (commandLineFormat is not null)
            return commandLineFormat == "base64";
        var config = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "config");
        try
        {
            return !File.Exists(config) || !File.ReadAllText(config).Contains("cli_binary_format", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Why <c>base64.b64decode</c> (not validating: characters outside the alphabet are skipped) refuses
    /// the text, or null: a port of CPython 3.11's binascii.a2b_base64.</summary>
    public static string? Base64Problem(string text)
    {
        if (text.Any(c => c > 0x7f))
            return "base64 text has only ASCII characters";
        int quad = 0, pads = 0, data = 0;
        foreach (var c in text)
        {
            if (c == '=')
            {
                if (quad >= 2 && quad + ++pads >= 4)
                    return null; // a complete pad sequence ends the data
                continue;
            }
            if (Alphabet.IndexOf(c) < 0)
                continue;
            pads = 0;
            data++;
            quad = (quad + 1) % 4;
        }
        return quad switch
        {
            0 => null,
            1 => $"base64 text cannot have one character more than a multiple of 4 ({data})",
            _ => "base64 text is missing its '=' padding",
        };
    }
}
