using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Output;

/// <summary>
/// One scalar as AWS CLI v2's YAML dumper sees it: its text as code points, what libyaml's
/// <c>yaml_emitter_analyze_scalar</c> concludes about it, and whether ruamel.yaml's resolver would read the plain form
/// back as a string. v2 dumps with <c>ruamel.yaml.YAML(typ='safe')</c>, whose C emitter is libyaml's and whose resolver
/// is ruamel's YAML 1.2 <c>Resolver</c> (so <c>yes</c>/<c>no</c>/<c>on</c> stay plain, <c>1e3</c> and <c>0x1F</c> are
/// quoted).
/// </summary>
internal sealed partial class YamlScalar
{
    private YamlScalar(int[] codePoints, bool plainImplicit)
    {
        CodePoints = codePoints;
        PlainImplicit = plainImplicit;
        Analyze();
    }

    public int[] CodePoints { get; }

    /// <summary>The plain form reads back as the same type (always for numbers, booleans and null; for strings only
    /// when the resolver does not take them for another type).</summary>
    public bool PlainImplicit { get; }

    public bool Multiline { get; private set; }

    public bool BlockPlainAllowed { get; private set; }

    public bool SingleQuotedAllowed { get; private set; }

    /// <summary>libyaml measures simple keys in UTF-8 bytes (a key over 128 bytes becomes a <c>? key</c> entry).</summary>
    public int Utf8Length { get; private set; }

    public bool IsEmpty => CodePoints.Length == 0;

    /// <summary>A string value (tag str): plain only when the resolver would not read it as something else.</summary>
    public static YamlScalar String(string value) => new(CodePointsOf(value), ImplicitType().Match(value) is not { Success: true });

    /// <summary>A number, boolean or null already in the representer's text (<c>1e+20</c>, <c>true</c>, <c>null</c>).</summary>
    public static YamlScalar Typed(string text) => new(CodePointsOf(text), plainImplicit: true);

    /// <summary>Code points as Python sees a str: surrogate pairs joined, a lone surrogate kept as itself (libyaml then
    /// escapes it, as it is not printable).</summary>
    private static int[] CodePointsOf(string value)
    {
        var points = new List<int>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                points.Add(char.ConvertToUtf32(value[i], value[i + 1]));
                i++;
            }
            else
            {
                points.Add(value[i]);
            }
        }
        return points.ToArray();
    }

    /// <summary>libyaml's IS_PRINTABLE: LF, ASCII printables, U+00A0–U+D7FF, U+E000–U+FFFD but not the BOM. Note
    /// that NEL (U+0085) and everything beyond U+FFFF are not printable to libyaml, so they force double quotes and
    /// are escaped there.</summary>
    public static bool IsPrintable(int c) =>
        c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

    /// <summary>libyaml's IS_BREAK: CR, LF, NEL, LS, PS.</summary>
    public static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    private static bool IsBlankZ(int c) => c is ' ' or '\t' or 0 || IsBreak(c);

    /// <summary>A port of <c>yaml_emitter_analyze_scalar</c> (block context only matters here: v2 never emits flow
    /// collections other than <c>[]</c> and <c>{}</c>).</summary>
    private void Analyze()
    {
        var s = CodePoints;
        Utf8Length = 0;
        foreach (var c in s)
            Utf8Length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (s.Length == 0)
        {
            Multiline = false;
            BlockPlainAllowed = true;
            SingleQuotedAllowed = true;
            return;
        }

        bool blockIndicators = false, lineBreaks = false, special = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
        bool previousSpace = false, previousBreak = false;
        if (s.Length >= 3 && ((s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.')))
            blockIndicators = true;
        var precededByWhitespace = true;
        var followedByWhitespace = s.Length == 1 || IsBlankZ(s[1]);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (i == 0)
            {
                if (c < 0x80 && "#,[]{}&*!|>'\"%@`".Contains((char)c))
                    blockIndicators = true;
                if ((c == '?' || c == ':') && followedByWhitespace)
                    blockIndicators = true;
                if (c == '-' && followedByWhitespace)
                    blockIndicators = true;
            }
            else
            {
                if (c == ':' && followedByWhitespace)
                    blockIndicators = true;
                if (c == '#' && precededByWhitespace)
                    blockIndicators = true;
            }
            if (!IsPrintable(c))
                special = true;
            if (IsBreak(c))
                lineBreaks = true;
            if (c == ' ')
            {
                leadingSpace |= i == 0;
                trailingSpace |= i == s.Length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(c))
            {
                leadingBreak |= i == 0;
                trailingBreak |= i == s.Length - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = IsBlankZ(c);
            if (i + 1 < s.Length)
                followedByWhitespace = i + 2 >= s.Length || IsBlankZ(s[i + 2]);
        }

        Multiline = lineBreaks;
        BlockPlainAllowed = true;
        SingleQuotedAllowed = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
            BlockPlainAllowed = false;
        if (breakSpace)
            BlockPlainAllowed = SingleQuotedAllowed = false;
        if (spaceBreak || special)
            BlockPlainAllowed = SingleQuotedAllowed = false;
        if (lineBreaks || blockIndicators)
            BlockPlainAllowed = false;
    }

    public override string ToString()
    {
        var text = new StringBuilder(CodePoints.Length);
        foreach (var c in CodePoints)
            text.Append(c is >= 0xD800 and <= 0xDFFF ? ((char)c).ToString() : char.ConvertFromUtf32(c));
        return text.ToString();
    }

    /// <summary>ruamel.yaml's YAML 1.2 implicit resolvers (resolver.py, the entries marked (1, 2)) for bool, float,
    /// int, merge, null (which includes the empty string), timestamp, value and yaml: a string matching any of them
    /// cannot be written plain.</summary>
    [GeneratedRegex("""
        ^(?:
          (?:true|True|TRUE|false|False|FALSE)
        | [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        | [-+]?\.(?:inf|Inf|INF)
        | \.(?:nan|NaN|NAN)
        | [-+]?0b[0-1_]+
        | [-+]?0o?[0-7_]+
        | [-+]?[0-9_]+
        | [-+]?0x[0-9a-fA-F_]+
        | <<
        | ~ | null | Null | NULL
        | [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
        | =
        | ! | & | \*
        )?$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ImplicitType();
}
