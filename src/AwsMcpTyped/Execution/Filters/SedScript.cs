namespace AwsMcpTyped.Execution.Filters;

/// <summary>A small reader of sed scripts that finds commands reaching outside the stream: e (execute), w/W (write a
/// file), r/R (read a file) and the e/w flags of s. Unknown commands are refused rather than guessed at.</summary>
internal static class SedScript
{
    private const string Simple = "=dDgGhHnNpPxzF";

    public static string? FindForbidden(string script)
    {
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (char.IsWhiteSpace(c) || c is ';' or '{' or '}')
            {
                i++;
                continue;
            }
            if (!SkipAddresses(script, ref i))
                return "script has an unterminated address regex.";
            if (i >= script.Length)
                return null;
            var command = script[i++];
            switch (command)
            {
                case '{' or '}':
                    continue;
                case '#':
                    SkipToLineEnd(script, ref i);
                    continue;
                case ':' or 'b' or 't' or 'T':
                    SkipLabel(script, ref i);
                    continue;
                case 'a' or 'i' or 'c':
                    SkipText(script, ref i);
                    continue;
                case 'q' or 'Q' or 'l' or 'L':
                    while (i < script.Length && (char.IsAsciiDigit(script[i]) || script[i] == ' '))
                        i++;
                    continue;
                case 'v':
                    SkipLabel(script, ref i);
                    continue;
                case 's':
                    if (!SkipDelimited(script, ref i, parts: 2))
                        return "s command is unterminated.";
                    var flagsStart = i;
                    while (i < script.Length && script[i] is not (';' or '\n' or '}'))
                        i++;
                    var flags = script[flagsStart..i];
                    if (flags.Contains('e'))
                        return "s///e runs the pattern space as a command; it is not allowed.";
                    if (flags.Contains('w'))
                        return "s///w writes a file; it is not allowed.";
                    continue;
                case 'y':
                    if (!SkipDelimited(script, ref i, parts: 2))
                        return "y command is unterminated.";
                    continue;
                case 'e':
                    return "command 'e' runs a shell command; it is not allowed.";
                case 'w' or 'W':
                    return $"command '{command}' writes a file; it is not allowed.";
                case 'r' or 'R':
                    return $"command '{command}' reads a file; it is not allowed.";
                default:
                    if (Simple.Contains(command))
                        continue;
                    return $"command '{command}' is not supported in filters.";
            }
        }
        return null;
    }

    private static bool SkipAddresses(string script, ref int i)
    {
        for (var address = 0; address < 2 && i < script.Length; address++)
        {
            var c = script[i];
            if (char.IsAsciiDigit(c) || c == '$')
            {
                while (i < script.Length && (char.IsAsciiDigit(script[i]) || script[i] is '$' or '~'))
                    i++;
            }
            else if (c == '/' || c == '\\')
            {
                if (c == '\\')
                    i++;
                if (!SkipDelimited(script, ref i, parts: 1))
                    return false;
                while (i < script.Length && script[i] is 'I' or 'M')
                    i++;
            }
            else if (!(address == 1 && c is '+' or '~'))
            {
                break;
            }
            else
            {
                i++;
                while (i < script.Length && char.IsAsciiDigit(script[i]))
                    i++;
            }
            if (i < script.Length && script[i] == ',' && address == 0)
            {
                i++;
                continue;
            }
            break;
        }
        while (i < script.Length && (script[i] == '!' || script[i] == ' '))
            i++;
        return true;
    }

    /// <summary>At a delimiter: skips <paramref name="parts"/> delimited sections (s/a/b/ has 2 after the first).</summary>
    private static bool SkipDelimited(string script, ref int i, int parts)
    {
        if (i >= script.Length)
            return false;
        var delimiter = script[i++];
        for (var part = 0; part < parts; part++)
        {
            while (i < script.Length && script[i] != delimiter)
                i += script[i] == '\\' ? 2 : 1;
            if (i >= script.Length)
                return false;
            i++;
        }
        return true;
    }

    private static void SkipToLineEnd(string script, ref int i)
    {
        while (i < script.Length && script[i] != '\n')
            i++;
    }

    private static void SkipLabel(string script, ref int i)
    {
        while (i < script.Length && script[i] is not (';' or '\n' or '}'))
            i++;
    }

    /// <summary>a, i, c take the rest of the line (backslash-newline continues it).</summary>
    private static void SkipText(string script, ref int i)
    {
        while (i < script.Length && script[i] != '\n')
            i += script[i] == '\\' ? 2 : 1;
    }
}
