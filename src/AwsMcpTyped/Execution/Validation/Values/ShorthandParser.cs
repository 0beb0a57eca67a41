using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>A place in a shorthand value where the CLI's parser stops: what it expected and what it found.</summary>
/// <param name="Index">The character index (from 0) where the parser stopped.</param>
/// <param name="DuplicateKey">Set when a top-level key is given twice (the CLI's DuplicateKeyInObjectError).</param>
internal sealed record ShorthandError(int Index, string Expected, string Actual, string? DuplicateKey = null);

/// <summary>What the CLI's shorthand parser makes of a value: the parsed value (or the error it stops at), and every
/// value it handed to its param-file loader, in order (those after <c>key@=</c>; one may be read just before a
/// backtrack or an error, so they are recorded even when the parse fails).</summary>
internal sealed record ShorthandResult(Dictionary<string, object?>? Value, ShorthandError? Error, IReadOnlyList<string> ParamFiles);

/// <summary>
/// A port of AWS CLI's <c>awscli/shorthand.py</c> <c>ShorthandParser</c> (identical in v1 1.45 and v2), value for
/// value: <c>Key=Value,Key2=[a,b],Key3={k=v}</c>, comma lists with backtracking (<c>a=b,c,d=e</c>), quoted values with
/// their escapes, <c>\,</c>, duplicate top-level keys, and <c>key@=</c> param files. Values are strings, lists and
/// dictionaries (<see cref="Dictionary{TKey,TValue}"/> keeps insertion order while nothing is removed); a loaded
/// param file becomes a <see cref="LoadedFile"/>, as its contents are not known here.
/// Python's regex classes count code points: a character outside the Basic Multilingual Plane is in none of them,
/// so the ranges below stop at the surrogates, and <c>\s</c> is Python's Unicode white space.
/// </summary>
internal sealed partial class ShorthandParser
{
    /// <summary>Python's <c>\s</c> and <c>str.isspace</c> for a str: .NET's white space plus U+001C–U+001F.</summary>
    internal const string PythonWhitespace = "\t\n\v\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    /// <summary>Python's string.whitespace, which the parser skips between tokens.</summary>
    private const string AsciiWhitespace = " \t\n\r\v\f";

    private const string Bmp = @"\ud7ff\ue000-\uffff";
    private const string StartWord = @"\u0021\u0023-\u0026\u0028-\u002b\u002d-\u003c\u003e-\u005a\u005c-\u007a\u007c-" + Bmp;
    private const string FirstFollow = @"\t\n\v\f\r\u001c-\u001f\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000" +
                                       @"\u0021\u0023-\u0026\u0028-\u002b\u002d-\u005c\u005e-\u007c\u007e-" + Bmp;
    private const string SecondFollow = @"\t\n\v\f\r\u001c-\u001f\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000" +
                                        @"\u0021\u0023-\u0026\u0028-\u002b\u002d-\u003c\u003e-" + Bmp;
    private const string KeyChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";
    private const char Eof = '\uffff'; // stands for the CLI's _EOF sentinel; compared only where the CLI compares it

    [GeneratedRegex(@"\G((\\,)|[" + StartWord + @"])((\\,)|[" + FirstFollow + "])*", RegexOptions.CultureInvariant)]
    private static partial Regex FirstValue();

    [GeneratedRegex(@"\G((\\,)|[" + StartWord + @"])((\\,)|[" + SecondFollow + "])*", RegexOptions.CultureInvariant)]
    private static partial Regex SecondValue();

    [GeneratedRegex(@"\G'(?:\\'|[^'])*'", RegexOptions.CultureInvariant)]
    private static partial Regex SingleQuoted();

    [GeneratedRegex("\\G\"(?:\\\\\"|[^\"])*\"", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleQuoted();

    private sealed class SyntaxError(ShorthandError error) : Exception
    {
        public ShorthandError Error { get; } = error;
    }

    private readonly string _input;
    private readonly List<string> _paramFiles = [];
    private int _index;
    private bool _resolve;

    private ShorthandParser(string input) => _input = input;

    /// <summary>Parses a value as the CLI does.</summary>
    public static ShorthandResult Parse(string value)
    {
        var parser = new ShorthandParser(value);
        try
        {
            return new ShorthandResult(parser.Parameter(), null, parser._paramFiles);
        }
        catch (SyntaxError e)
        {
            return new ShorthandResult(null, e.Error, parser._paramFiles);
        }
    }

    private Dictionary<string, object?> Parameter()
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        var (key, value) = KeyVal();
        parameters[key] = value;
        var last = _index;
        while (_index < _input.Length)
        {
            Expect(',', whitespace: true);
            (key, value) = KeyVal();
            if (parameters.ContainsKey(key))
                throw new SyntaxError(new ShorthandError(last + 1, "", "", key));
            parameters[key] = value;
            last = _index;
        }
        return parameters;
    }

    private (string Key, object? Value) KeyVal()
    {
        var key = Key();
        _resolve = TryExpect('@');
        Expect('=', whitespace: true);
        return (key, Values());
    }

    /// <summary>_expect('@', consume_whitespace=True) inside try/except: whitespace is consumed even when it fails.</summary>
    private bool TryExpect(char c)
    {
        ConsumeWhitespace();
        if (_index >= _input.Length || _input[_index] != c)
            return false;
        _index++;
        ConsumeWhitespace();
        return true;
    }

    private string Key()
    {
        var start = _index;
        while (!AtEof && KeyChars.Contains(_input[_index]))
            _index++;
        return _input[start.._index];
    }

    private object? Values()
    {
        if (AtEof)
            return "";
        return Current switch
        {
            '[' => ExplicitList(),
            '{' => HashLiteral(),
            _ => CsvValue(),
        };
    }

    private object? CsvValue()
    {
        var first = FirstValueOrQuoted();
        ConsumeWhitespace();
        if (AtEof || _input[_index] != ',')
            return first;
        Expect(',', whitespace: true);
        var list = new List<object?> { first };
        while (true)
        {
            try
            {
                var current = SecondValueOrQuoted();
                ConsumeWhitespace();
                if (AtEof)
                {
                    list.Add(current);
                    break;
                }
                Expect(',', whitespace: true);
                list.Add(current);
            }
            catch (SyntaxError)
            {
                if (AtEof)
                    throw;
                // Back to the comma before the word that turned out to be the next key: "a=b,c,d=e".
                while (_index >= 0 && _input[_index] != ',')
                    _index--;
                break;
            }
        }
        return list.Count == 1 ? first : list;
    }

    private List<object?> ExplicitList()
    {
        Expect('[', whitespace: true);
        var values = new List<object?>();
        while (Current != ']')
        {
            values.Add(ExplicitValues());
            ConsumeWhitespace();
            if (Current != ']')
            {
                Expect(',');
                ConsumeWhitespace();
            }
        }
        Expect(']');
        return values;
    }

    private object? ExplicitValues()
    {
        if (Current == '[')
            return ExplicitList();
        if (Current == '{')
            return HashLiteral();
        return FirstValueOrQuoted();
    }

    private Dictionary<string, object?> HashLiteral()
    {
        Expect('{', whitespace: true);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (Current != '}')
        {
            var key = Key();
            _resolve = TryExpect('@');
            Expect('=', whitespace: true);
            var value = ExplicitValues();
            ConsumeWhitespace();
            if (Current != '}')
            {
                Expect(',');
                ConsumeWhitespace();
            }
            values[key] = value;
        }
        Expect('}');
        return values;
    }

    private object? FirstValueOrQuoted()
    {
        if (Current == '\'')
            return Quoted(SingleQuoted(), '\'', "singled quoted");
        if (Current == '"')
            return Quoted(DoubleQuoted(), '"', "double quoted");
        var match = FirstValue().Match(_input, _index);
        if (!match.Success)
            return "";
        _index += match.Length;
        return Resolve(RStrip(match.Value.Replace("\\,", ",")));
    }

    private object? SecondValueOrQuoted()
    {
        if (Current == '\'')
            return Quoted(SingleQuoted(), '\'', "singled quoted");
        if (Current == '"')
            return Quoted(DoubleQuoted(), '"', "double quoted");
        return Resolve(RStrip(MustConsume(SecondValue(), "second").Replace("\\,", ",")));
    }

    private object? Quoted(Regex regex, char quote, string name)
    {
        var raw = MustConsume(regex, name);
        return Resolve(raw[1..^1].Replace("\\" + quote, quote.ToString()).Replace("\\\\", "\\"));
    }

    /// <summary>A value after <c>key@=</c> that starts with file:// or fileb:// is replaced by the file's contents.</summary>
    private object? Resolve(string value)
    {
        if (!_resolve)
            return value;
        _paramFiles.Add(value);
        if (value.StartsWith("file://", StringComparison.Ordinal))
            return new LoadedFile(value, Binary: false);
        return value.StartsWith("fileb://", StringComparison.Ordinal) ? new LoadedFile(value, Binary: true) : value;
    }

    private static string RStrip(string value) => value.TrimEnd(PythonWhitespace.ToCharArray());

    private string MustConsume(Regex regex, string name)
    {
        var match = regex.Match(_input, _index);
        if (!match.Success)
            throw new SyntaxError(new ShorthandError(_index, $"<{name}>", "<none>"));
        _index += match.Length;
        return match.Value;
    }

    private void Expect(char c, bool whitespace = false)
    {
        if (whitespace)
            ConsumeWhitespace();
        if (_index >= _input.Length)
            throw new SyntaxError(new ShorthandError(_index, c.ToString(), "EOF"));
        if (_input[_index] != c)
            throw new SyntaxError(new ShorthandError(_index, c.ToString(), _input[_index].ToString()));
        _index++;
        if (whitespace)
            ConsumeWhitespace();
    }

    private void ConsumeWhitespace()
    {
        while (!AtEof && AsciiWhitespace.Contains(_input[_index]))
            _index++;
    }

    private bool AtEof => _index >= _input.Length;

    private char Current => _index < _input.Length ? _input[_index] : Eof;
}
