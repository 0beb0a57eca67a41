using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Files;

/// <summary>
/// The values AWS CLI v1's shorthand parser loads as files: after a key written <c>key@=value</c> (also with spaces
/// around <c>@</c> and in <c>{key@=value}</c>), each value that starts with file:// or fileb:// is read
/// (awscli/shorthand.py, ShorthandParser._resolve_paramfiles, with paramfile.LOCAL_PREFIX_MAP: http(s) is not fetched
/// here). A port of that parser which records every value handed to _resolve_paramfiles, in the order the CLI reads
/// them, including one read just before the parser backtracks (<c>a@=x,file:///etc/passwd=y</c> reads the file, then
/// treats "file:///etc/passwd" as the next key) and values read before a syntax error stops it. The resolve flag is,
/// as in the CLI, set by the last key seen, so an element after a nested <c>{k@=…}</c> is also read.
/// </summary>
internal sealed partial class ShorthandParamFiles
{
    // shorthand.py's character classes, written with code points.
    private const string StartWord = @"\u0021\u0023-\u0026\u0028-\u002b\u002d-\u003c\u003e-\u005a\u005c-\u007a\u007c-\uffff";
    private const string FirstFollow = @"\s\u0021\u0023-\u0026\u0028-\u002b\u002d-\u005c\u005e-\u007c\u007e-\uffff";
    private const string SecondFollow = @"\s\u0021\u0023-\u0026\u0028-\u002b\u002d-\u003c\u003e-\uffff";
    private const string KeyChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";
    private const char Eof = '\uffff'; // stands for the CLI's _EOF sentinel; compared only where the CLI compares it

    [GeneratedRegex(@"\G((\\,)|[" + StartWord + @"])((\\,)|[" + FirstFollow + "])*")]
    private static partial Regex FirstValue();

    [GeneratedRegex(@"\G((\\,)|[" + StartWord + @"])((\\,)|[" + SecondFollow + "])*")]
    private static partial Regex SecondValue();

    [GeneratedRegex(@"\G'(?:\\'|[^'])*'")]
    private static partial Regex SingleQuoted();

    [GeneratedRegex("\\G\"(?:\\\\\"|[^\"])*\"")]
    private static partial Regex DoubleQuoted();

    private sealed class SyntaxError : Exception;

    private readonly string _input;
    private readonly List<string> _resolved = [];
    private int _index;
    private bool _resolve;

    private ShorthandParamFiles(string input) => _input = input;

    /// <summary>Every value the CLI's shorthand parser would try as a param file (whatever its prefix; the caller
    /// picks the file:// ones), in order.</summary>
    public static IReadOnlyList<string> Find(string value)
    {
        if (!value.Contains('@'))
            return [];
        var parser = new ShorthandParamFiles(value);
        try
        {
            parser.Parameter();
        }
        catch (SyntaxError)
        {
            // The CLI stops with an error here too, after reading what it read so far.
        }
        return parser._resolved;
    }

    private void Parameter()
    {
        KeyVal();
        while (_index < _input.Length)
        {
            Expect(',', whitespace: true);
            KeyVal();
        }
    }

    private void KeyVal()
    {
        Key();
        _resolve = false;
        if (TryExpect('@'))
            _resolve = true;
        Expect('=', whitespace: true);
        Values();
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

    private void Key()
    {
        while (!AtEof && KeyChars.Contains(_input[_index]))
            _index++;
    }

    private void Values()
    {
        if (AtEof)
            return;
        if (Current == '[')
            ExplicitList();
        else if (Current == '{')
            HashLiteral();
        else
            CsvValue();
    }

    private void CsvValue()
    {
        FirstValueOrQuoted();
        ConsumeWhitespace();
        if (AtEof || _input[_index] != ',')
            return;
        Expect(',', whitespace: true);
        while (true)
        {
            try
            {
                SecondValueOrQuoted();
                ConsumeWhitespace();
                if (AtEof)
                    break;
                Expect(',', whitespace: true);
            }
            catch (SyntaxError)
            {
                if (AtEof)
                    throw;
                while (_index >= 0 && _input[_index] != ',')
                    _index--;
                break;
            }
        }
    }

    private void ExplicitList()
    {
        Expect('[', whitespace: true);
        while (Current != ']')
        {
            ExplicitValues();
            ConsumeWhitespace();
            if (Current != ']')
            {
                Expect(',');
                ConsumeWhitespace();
            }
        }
        Expect(']');
    }

    private void ExplicitValues()
    {
        if (Current == '[')
            ExplicitList();
        else if (Current == '{')
            HashLiteral();
        else
            FirstValueOrQuoted();
    }

    private void HashLiteral()
    {
        Expect('{', whitespace: true);
        while (Current != '}')
        {
            Key();
            _resolve = false;
            if (TryExpect('@'))
                _resolve = true;
            Expect('=', whitespace: true);
            ExplicitValues();
            ConsumeWhitespace();
            if (Current != '}')
            {
                Expect(',');
                ConsumeWhitespace();
            }
        }
        Expect('}');
    }

    private void FirstValueOrQuoted()
    {
        if (Current == '\'')
            Quoted(SingleQuoted(), '\'');
        else if (Current == '"')
            Quoted(DoubleQuoted(), '"');
        else
        {
            var match = FirstValue().Match(_input, _index);
            if (match.Success)
            {
                _index += match.Length;
                Resolve(match.Value.Replace("\\,", ",").TrimEnd());
            }
        }
    }

    private void SecondValueOrQuoted()
    {
        if (Current == '\'')
            Quoted(SingleQuoted(), '\'');
        else if (Current == '"')
            Quoted(DoubleQuoted(), '"');
        else
            Resolve(MustConsume(SecondValue()).Replace("\\,", ",").TrimEnd());
    }

    private void Quoted(Regex regex, char quote)
    {
        var raw = MustConsume(regex);
        Resolve(raw[1..^1].Replace("\\" + quote, quote.ToString()).Replace("\\\\", "\\"));
    }

    private void Resolve(string value)
    {
        if (_resolve)
            _resolved.Add(value);
    }

    private string MustConsume(Regex regex)
    {
        var match = regex.Match(_input, _index);
        if (!match.Success)
            throw new SyntaxError();
        _index += match.Length;
        return match.Value;
    }

    private void Expect(char c, bool whitespace = false)
    {
        if (whitespace)
            ConsumeWhitespace();
        if (_index >= _input.Length || _input[_index] != c)
            throw new SyntaxError();
        _index++;
        if (whitespace)
            ConsumeWhitespace();
    }

    private void ConsumeWhitespace()
    {
        while (!AtEof && " \t\n\r\v\f".Contains(_input[_index]))
            _index++;
    }

    private bool AtEof => _index >= _input.Length;

    private char Current => _index < _input.Length ? _input[_index] : Eof;
}
