using System.Text;

namespace AwsMcpTyped.Text;

/// <summary>
/// Wraps the catalogue's paragraph text (blank-line separated paragraphs, <c>* </c> bullets with two spaces per
/// nesting level, verbatim blocks indented four spaces) to a width, under a given indent.
/// </summary>
public static class TextWrapper
{
    public const int DefaultWidth = 80;

    public static void AppendWrapped(StringBuilder output, string? text, int indent, int width = DefaultWidth)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var first = true;
        foreach (var paragraph in text.Split("\n\n"))
        {
            if (!first)
                output.Append('\n');
            first = false;
            AppendParagraph(output, paragraph, indent, width);
        }
    }

    /// <summary>Text that is already laid out (help captured from the CLI): indented, not re-wrapped.</summary>
    public static void AppendIndented(StringBuilder output, string? text, int indent)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        foreach (var line in text.TrimEnd().Split('\n'))
            output.Append(line.Length == 0 ? "" : new string(' ', indent) + line).Append('\n');
    }

    public static string Wrap(string? text, int indent, int width = DefaultWidth)
    {
        var output = new StringBuilder();
        AppendWrapped(output, text, indent, width);
        return output.ToString();
    }

    private static void AppendParagraph(StringBuilder output, string paragraph, int indent, int width)
    {
        var pad = new string(' ', indent);
        if (paragraph.StartsWith("    ", StringComparison.Ordinal))
        {
            foreach (var verbatim in paragraph.Split('\n'))
                output.Append(pad).Append(verbatim).Append('\n');
            return;
        }
        var leading = paragraph.Length - paragraph.TrimStart(' ').Length;
        var body = paragraph.TrimStart(' ').Replace('\n', ' ');
        var hanging = leading;
        if (body.StartsWith("* ", StringComparison.Ordinal))
            hanging += 2;
        else if (body.StartsWith("Note: ", StringComparison.Ordinal) || body.StartsWith("Warning: ", StringComparison.Ordinal))
            hanging += 2;
        var firstPrefix = pad + new string(' ', leading);
        var nextPrefix = pad + new string(' ', hanging);
        var line = new StringBuilder(firstPrefix);
        var lineHasWord = false;
        foreach (var word in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > width)
            {
                output.Append(line).Append('\n');
                line.Clear().Append(nextPrefix);
                lineHasWord = false;
            }
            if (lineHasWord)
                line.Append(' ');
            line.Append(word);
            lineHasWord = true;
        }
        if (lineHasWord)
            output.Append(line).Append('\n');
    }
}
