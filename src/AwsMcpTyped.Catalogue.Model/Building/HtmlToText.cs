using System.Net;
using System.Text;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// Converts botocore's documentation HTML to clean text, the way the AWS CLI's help renders it:
/// paragraphs separated by blank lines, <c>* </c> bullets (two spaces per nesting level), code in double
/// quotes, links as their text, <c>Note:</c>/<c>Warning:</c> for note/important, <c>&lt;pre&gt;</c> kept
/// verbatim and indented four spaces. The output is not wrapped: renderers wrap to their own width.
/// botocore HTML is messy (editor processing instructions, unbalanced tags, placeholders such as
/// <c>&lt;region&gt;</c> that are really text), so this is a tolerant scanner, not an XML parser.
/// </summary>
internal static class HtmlToText
{
    private const char CodeOpen = '\u0001';
    private const char CodeClose = '\u0002';

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "dl", "dt", "dd", "ul", "ol", "li", "note", "important", "pre", "h1", "h2", "h3", "h4",
        "h5", "h6", "table", "tr", "title", "examples", "example", "section", "para", "blockquote",
    };

    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "code", "a", "i", "b", "em", "strong", "u", "span", "replaceable", "filename", "link", "sup", "sub",
        "td", "th", "tt", "emphasis", "literal", "userinput", "varname", "guilabel", "ulink", "xref", "quote",
    };

    /// <summary>Tags whose content is dropped: the service title (kept separately) and editor junk.</summary>
    private static readonly HashSet<string> DroppedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "fullname", "zonbook", "xhtml",
    };

    public static string Convert(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "";
        var writer = new BlockWriter();
        var dropDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && TryReadMarkup(html, i, out var tag, out var end))
            {
                i = end;
                if (tag.Name is null)
                    continue; // comment or processing instruction
                if (DroppedTags.Contains(tag.Name))
                {
                    dropDepth += tag.Closing ? (dropDepth > 0 ? -1 : 0) : (tag.SelfClosing ? 0 : 1);
                    continue;
                }
                if (dropDepth > 0)
                    continue;
                if (writer.InPre && !(tag.Closing && tag.Name.Equals("pre", StringComparison.OrdinalIgnoreCase)))
                    continue; // markup inside <pre> is formatting only
                writer.Tag(tag);
                continue;
            }
            var next = html.IndexOf('<', i + 1);
            if (next < 0)
                next = html.Length;
            if (dropDepth == 0)
                writer.Text(WebUtility.HtmlDecode(html[i..next]));
            i = next;
        }
        return writer.Finish();
    }

    private readonly record struct Markup(string? Name, bool Closing, bool SelfClosing);

    /// <summary>Recognises a known tag, a comment or a processing instruction starting at <paramref name="start"/>.
    /// Anything else (such as <c>&lt;region&gt;</c>) is text.</summary>
    private static bool TryReadMarkup(string html, int start, out Markup tag, out int end)
    {
        tag = default;
        end = start;
        if (html.AsSpan(start).StartsWith("<!--"))
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            end = close < 0 ? html.Length : close + 3;
            return true;
        }
        if (html.AsSpan(start).StartsWith("<?"))
        {
            var close = html.IndexOf("?>", start + 2, StringComparison.Ordinal);
            end = close < 0 ? html.Length : close + 2;
            return true;
        }
        var pos = start + 1;
        var closing = pos < html.Length && html[pos] == '/';
        if (closing)
            pos++;
        var nameStart = pos;
        while (pos < html.Length && char.IsAsciiLetterOrDigit(html[pos]))
            pos++;
        var name = html[nameStart..pos];
        if (name.Length == 0 || !(BlockTags.Contains(name) || InlineTags.Contains(name) || DroppedTags.Contains(name)))
            return false;
        if (pos < html.Length && html[pos] is not ('>' or '/' or ' ' or '\t' or '\n' or '\r'))
            return false;
        var gt = html.IndexOf('>', pos);
        if (gt < 0)
            return false;
        tag = new Markup(name.ToLowerInvariant(), closing, html[gt - 1] == '/');
        end = gt + 1;
        return true;
    }

    /// <summary>Accumulates inline text and turns block structure into paragraphs.</summary>
    private sealed class BlockWriter
    {
        private readonly List<string> _blocks = [];
        private readonly StringBuilder _inline = new();
        private readonly StringBuilder _pre = new();
        private int _listDepth;
        private string? _pendingPrefix;
        private bool _inListItem;

        public bool InPre { get; private set; }

        public void Text(string text)
        {
            if (InPre)
                _pre.Append(text);
            else
                _inline.Append(text);
        }

        public void Tag(Markup tag)
        {
            switch (tag.Name)
            {
                case "code" or "tt" or "literal" or "userinput":
                    _inline.Append(tag.Closing ? CodeClose : CodeOpen);
                    return;
                case "pre":
                    Flush();
                    if (tag.Closing)
                    {
                        EmitPre();
                        InPre = false;
                    }
                    else
                    {
                        InPre = true;
                    }
                    return;
                case "ul" or "ol" or "dl":
                    Flush();
                    _listDepth = Math.Max(0, _listDepth + (tag.Closing ? -1 : 1));
                    return;
                case "li" or "dt":
                    Flush();
                    _inListItem = !tag.Closing;
                    if (!tag.Closing)
                        _pendingPrefix = new string(' ', 2 * Math.Max(0, _listDepth - 1)) + "* ";
                    return;
                case "note" or "important":
                    Flush();
                    if (!tag.Closing)
                        _pendingPrefix = tag.Name == "note" ? "Note: " : "Warning: ";
                    return;
                case "br":
                    Flush();
                    return;
            }
            if (BlockTags.Contains(tag.Name!))
                Flush();
            else if (tag.Name is "td" or "th")
                _inline.Append(' ');
        }

        private void Flush()
        {
            var text = CollapseWhitespace(_inline.ToString());
            _inline.Clear();
            if (text.Length == 0)
                return;
            if (_pendingPrefix is not null)
            {
                text = _pendingPrefix + text;
                _pendingPrefix = null;
            }
            else if (_inListItem && _listDepth > 0)
            {
                // A further paragraph of the same list item hangs under its bullet.
                text = new string(' ', 2 * _listDepth) + text;
            }
            _blocks.Add(text);
        }

        private void EmitPre()
        {
            var raw = _pre.ToString();
            _pre.Clear();
            if (LooksLikeHtml(raw))
            {
                // Some models (codeguruprofiler) put escaped HTML inside <pre><code>: it is prose, not code.
                var prose = Convert(raw);
                if (prose.Length > 0)
                    _blocks.Add(prose);
                return;
            }
            var lines = raw.Replace("\r\n", "\n").Split('\n');
            var body = lines.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse()
                .Select(line => "    " + line.TrimEnd()).ToList();
            if (body.Count > 0)
                _blocks.Add(string.Join('\n', body));
        }

        private static bool LooksLikeHtml(string text) =>
            text.Contains("<p>", StringComparison.Ordinal) || text.Contains("<note>", StringComparison.Ordinal) ||
            text.Contains("<ul>", StringComparison.Ordinal) || text.Contains("<code>", StringComparison.Ordinal);

        public string Finish()
        {
            if (InPre)
                EmitPre();
            Flush();
            return string.Join("\n\n", _blocks);
        }

        /// <summary>Collapses whitespace runs to one space and turns code markers into quotes, with no
        /// space just inside them (<c>&lt;code&gt; x &lt;/code&gt;</c> → <c>"x"</c>); empty code spans vanish.</summary>
        private static string CollapseWhitespace(string text)
        {
            var builder = new StringBuilder(text.Length);
            var space = false;
            var codeStart = -1;
            var spaceBeforeCode = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\u2028')
                {
                    space = builder.Length > 0 && builder.Length != codeStart;
                    continue;
                }
                if (c == CodeClose)
                {
                    if (codeStart >= 0 && builder.Length == codeStart)
                    {
                        // Empty span: take back its quote and the space written before it.
                        builder.Length -= spaceBeforeCode ? 2 : 1;
                        space = spaceBeforeCode;
                    }
                    else if (codeStart >= 0)
                    {
                        builder.Append('"');
                    }
                    codeStart = -1;
                    continue;
                }
                if (c == CodeOpen && codeStart >= 0)
                    continue; // nested code: one pair of quotes is enough
                spaceBeforeCode = space && c == CodeOpen;
                if (space)
                    builder.Append(' ');
                space = false;
                if (c == CodeOpen)
                {
                    builder.Append('"');
                    codeStart = builder.Length;
                    continue;
                }
                builder.Append(c);
            }
            if (codeStart >= 0)
                builder.Append('"');
            return builder.ToString();
        }
    }
}
