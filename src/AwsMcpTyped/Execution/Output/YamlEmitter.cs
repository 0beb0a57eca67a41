using System.Text;
using System.Text.Json;

namespace AwsMcpTyped.Execution.Output;

/// <summary>
/// Writes one JSON value as a YAML document exactly as AWS CLI v2 does: <c>ruamel.yaml.YAML(typ='safe')</c> with
/// <c>default_flow_style=False</c>, which represents dicts with sorted keys and emits through libyaml's C emitter
/// (width 80, indent 2, unicode allowed, implicit document start and end).
/// </summary>
/// <remarks>
/// Why not YamlDotNet: its emitter is a libyaml port too, but it cannot be told which strings the YAML 1.2 resolver
/// reads as other types, measures simple keys differently, and has diverged from libyaml in scalar analysis and line
/// folding; byte-equal output needs libyaml's rules, so this is a direct port of the few libyaml paths v2's output
/// uses (block mappings and sequences, empty flow collections, plain, single- and double-quoted scalars), with the
/// C function each method mirrors named in its comment.
/// </remarks>
internal sealed class YamlEmitter
{
    private const int BestWidth = 80;
    private const int BestIndent = 2;
    private readonly StringBuilder _out;
    private readonly Stack<int> _indents = new();
    private int _indent = -1;
    private int _column;
    private bool _whitespace = true;
    private bool _indention = true;
    private bool _mappingContext;
    private bool _simpleKeyContext;

    private YamlEmitter(StringBuilder output) => _out = output;

    /// <summary>Emits <paramref name="value"/> as a whole document (stream start to stream end) onto <paramref name="output"/>.</summary>
    public static void Document(JsonElement value, StringBuilder output)
    {
        var emitter = new YamlEmitter(output);
        emitter.Node(value, mapping: false, simpleKey: false);
        emitter.WriteIndent(); // yaml_emitter_emit_document_end: the final line break
    }

    /// <summary>Emits the one-item list <c>[value]</c>, as v2's StreamedYAMLFormatter dumps each page.</summary>
    public static void SingleItemList(JsonElement value, StringBuilder output)
    {
        var emitter = new YamlEmitter(output);
        emitter._mappingContext = false;
        emitter.BlockSequence([value]);
        emitter.WriteIndent();
    }

    /// <summary>yaml_emitter_emit_node and the start/item/key/value states it leads to.</summary>
    private void Node(JsonElement value, bool mapping, bool simpleKey)
    {
        _mappingContext = mapping;
        _simpleKeyContext = simpleKey;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = SortedMembers(value);
                if (members.Count == 0)
                    EmptyFlow("{", "}");
                else
                    BlockMapping(members);
                break;
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0)
                    EmptyFlow("[", "]");
                else
                    BlockSequence(value.EnumerateArray());
                break;
            case JsonValueKind.String:
                Scalar(YamlScalar.String(value.GetString()!));
                break;
            default:
                Scalar(YamlScalar.Typed(YamlNumbers.Represent(value)));
                break;
        }
    }

    /// <summary>ruamel's SafeRepresenter.represent_dict sorts keys (Python orders str by code point; a duplicate JSON
    /// key keeps its last value, as Python's json does).</summary>
    private static List<(string Key, JsonElement Value)> SortedMembers(JsonElement value)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
            members[property.Name] = property.Value;
        var sorted = members.Select(pair => (pair.Key, pair.Value)).ToList();
        sorted.Sort((a, b) => CompareCodePoints(a.Key, b.Key));
        return sorted;
    }

    private static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] == b[i])
                continue;
            // UTF-16 order differs from code point order only between surrogates and U+E000–U+FFFF.
            bool aSurrogate = char.IsSurrogate(a[i]), bSurrogate = char.IsSurrogate(b[i]);
            if (aSurrogate != bSurrogate && (a[i] >= 0xE000 || b[i] >= 0xE000))
                return aSurrogate ? 1 : -1;
            return a[i].CompareTo(b[i]);
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>yaml_emitter_emit_flow_sequence_item / _mapping_key with no items: <c>[]</c>, <c>{}</c>.</summary>
    private void EmptyFlow(string open, string close)
    {
        WriteIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false);
        IncreaseIndent(flow: true, indentless: false);
        _indent = _indents.Pop();
        WriteIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false);
    }

    /// <summary>yaml_emitter_emit_block_sequence_item: a sequence that is a mapping's value is not indented.</summary>
    private void BlockSequence(IEnumerable<JsonElement> items)
    {
        IncreaseIndent(flow: false, indentless: _mappingContext && !_indention);
        foreach (var item in items)
        {
            WriteIndent();
            WriteIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true);
            Node(item, mapping: false, simpleKey: false);
        }
        _indent = _indents.Pop();
    }

    /// <summary>yaml_emitter_emit_block_mapping_key / _value; yaml_emitter_check_simple_key decides between
    /// <c>key: value</c> and the <c>? key</c> / <c>: value</c> form (multi-line keys, keys over 128 UTF-8 bytes).</summary>
    private void BlockMapping(List<(string Key, JsonElement Value)> members)
    {
        IncreaseIndent(flow: false, indentless: false);
        foreach (var (name, value) in members)
        {
            WriteIndent();
            var key = YamlScalar.String(name);
            if (!key.Multiline && key.Utf8Length <= 128)
            {
                _mappingContext = true;
                _simpleKeyContext = true;
                Scalar(key);
                WriteIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false);
            }
            else
            {
                WriteIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true);
                _mappingContext = true;
                _simpleKeyContext = false;
                Scalar(key);
                WriteIndent();
                WriteIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true);
            }
            Node(value, mapping: true, simpleKey: false);
        }
        _indent = _indents.Pop();
    }

    /// <summary>yaml_emitter_emit_scalar with yaml_emitter_select_scalar_style (block context: flow_level is 0).</summary>
    private void Scalar(YamlScalar scalar)
    {
        var style = 'p';
        if (_simpleKeyContext && scalar.Multiline)
            style = '"';
        if (style == 'p' && (!scalar.BlockPlainAllowed || (scalar.IsEmpty && _simpleKeyContext) || !scalar.PlainImplicit))
            style = '\'';
        if (style == '\'' && !scalar.SingleQuotedAllowed)
            style = '"';
        IncreaseIndent(flow: true, indentless: false);
        var allowBreaks = !_simpleKeyContext;
        if (style == 'p')
            WritePlain(scalar.CodePoints, allowBreaks);
        else if (style == '\'')
            WriteSingleQuoted(scalar.CodePoints, allowBreaks);
        else
            WriteDoubleQuoted(scalar.CodePoints, allowBreaks);
        _indent = _indents.Pop();
    }

    private void IncreaseIndent(bool flow, bool indentless)
    {
        _indents.Push(_indent);
        if (_indent < 0)
            _indent = flow ? BestIndent : 0;
        else if (!indentless)
            _indent += BestIndent;
    }

    private void Put(char c)
    {
        _out.Append(c);
        _column++;
    }

    /// <summary>WRITE: one character (a code point counts one column, as in libyaml).</summary>
    private void Write(int c)
    {
        if (c is >= 0xD800 and <= 0xDFFF)
            _out.Append((char)c);
        else
            _out.Append(char.ConvertFromUtf32(c));
        _column++;
    }

    private void PutBreak()
    {
        _out.Append('\n');
        _column = 0;
    }

    /// <summary>WRITE_BREAK: LF becomes the line break; LS/PS are copied as they are.</summary>
    private void WriteBreak(int c)
    {
        if (c == '\n')
            PutBreak();
        else
        {
            Write(c);
            _column = 0;
        }
    }

    /// <summary>yaml_emitter_write_indent.</summary>
    private void WriteIndent()
    {
        var indent = Math.Max(_indent, 0);
        if (!_indention || _column > indent || (_column == indent && !_whitespace))
            PutBreak();
        while (_column < indent)
            Put(' ');
        _whitespace = true;
        _indention = true;
    }

    /// <summary>yaml_emitter_write_indicator.</summary>
    private void WriteIndicator(string indicator, bool needWhitespace, bool isWhitespace, bool isIndention)
    {
        if (needWhitespace && !_whitespace)
            Put(' ');
        foreach (var c in indicator)
            Put(c);
        _whitespace = isWhitespace;
        _indention = _indention && isIndention;
    }

    /// <summary>yaml_emitter_write_plain_scalar (long values fold at a single space once past column 80).</summary>
    private void WritePlain(int[] s, bool allowBreaks)
    {
        if (!_whitespace && s.Length > 0)
            Put(' ');
        bool spaces = false, breaks = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && !(i + 1 < s.Length && s[i + 1] == ' '))
                    WriteIndent();
                else
                    Write(c);
                spaces = true;
            }
            else if (YamlScalar.IsBreak(c))
            {
                if (!breaks && c == '\n')
                    PutBreak();
                WriteBreak(c);
                _indention = true;
                breaks = true;
            }
            else
            {
                if (breaks)
                    WriteIndent();
                Write(c);
                _indention = false;
                spaces = false;
                breaks = false;
            }
        }
        _whitespace = false;
        _indention = false;
    }

    /// <summary>yaml_emitter_write_single_quoted_scalar: a line break is written as an empty line, <c>'</c> doubled.</summary>
    private void WriteSingleQuoted(int[] s, bool allowBreaks)
    {
        WriteIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false);
        bool spaces = false, breaks = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && i != 0 && i != s.Length - 1 && !(i + 1 < s.Length && s[i + 1] == ' '))
                    WriteIndent();
                else
                    Write(c);
                spaces = true;
            }
            else if (YamlScalar.IsBreak(c))
            {
                if (!breaks && c == '\n')
                    PutBreak();
                WriteBreak(c);
                _indention = true;
                breaks = true;
            }
            else
            {
                if (breaks)
                    WriteIndent();
                if (c == '\'')
                    Put('\'');
                Write(c);
                _indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if (breaks)
            WriteIndent();
        WriteIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false);
        _whitespace = false;
        _indention = false;
    }

    /// <summary>yaml_emitter_write_double_quoted_scalar: escapes what libyaml does not print raw.</summary>
    private void WriteDoubleQuoted(int[] s, bool allowBreaks)
    {
        WriteIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false);
        var spaces = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!YamlScalar.IsPrintable(c) || YamlScalar.IsBreak(c) || c is '"' or '\\')
            {
                Put('\\');
                var escape = c switch
                {
                    0x00 => "0", 0x07 => "a", 0x08 => "b", 0x09 => "t", 0x0A => "n", 0x0B => "v", 0x0C => "f", 0x0D => "r",
                    0x1B => "e", '"' => "\"", '\\' => "\\", 0x85 => "N", 0xA0 => "_", 0x2028 => "L", 0x2029 => "P",
                    <= 0xFF => "x" + c.ToString("X2"),
                    <= 0xFFFF => "u" + c.ToString("X4"),
                    _ => "U" + c.ToString("X8"),
                };
                foreach (var e in escape)
                    Put(e);
                spaces = false;
            }
            else if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && i != 0 && i != s.Length - 1)
                {
                    WriteIndent();
                    if (i + 1 < s.Length && s[i + 1] == ' ')
                        Put('\\');
                }
                else
                {
                    Write(c);
                }
                spaces = true;
            }
            else
            {
                Write(c);
                spaces = false;
            }
        }
        WriteIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false);
        _whitespace = false;
        _indention = false;
    }
}
