using System.Text;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// dateutil's <c>_timelex</c> (<c>dateutil/parser/_parser.py</c>, the same in 2.8.2 and 2.9.0): splits a string into
/// runs of letters, runs of digits, single spaces and single other characters, keeping dotted runs such as
/// <c>4:30:21.447</c>'s seconds or <c>Sep.20</c> together until it knows how to cut them.
/// </summary>
/// <remarks>
/// The lexer first rewrites each code point as one character that behaves the same in everything dateutil does with
/// it, so the rest of the port can work on ASCII and count a code point as one character (Python's <c>len</c>):
/// a decimal digit (<c>int()</c> reads any, e.g. Arabic-Indic) becomes its ASCII digit; any other <c>isdigit</c>
/// character (a superscript) becomes <see cref="NonDecimalDigit"/>, which lexes as a digit but no number conversion
/// takes; any white space becomes a space; other letters become <see cref="Letter"/> (no keyword dateutil knows has a
/// non-ASCII letter, and no non-ASCII letter lowercases into one: only the Kelvin sign lowercases to ASCII, to "k");
/// anything else non-ASCII becomes <see cref="Other"/>. NULs vanish, as dateutil skips them.
/// </remarks>
internal static class DateutilLexer
{
    public const char Letter = 'é';
    public const char NonDecimalDigit = '²';
    public const char Other = '§';

    private enum State { None, Word, Number, WordDot, NumberDot }

    public static List<string> Split(string text)
    {
        var chars = Canonical(text);
        var tokens = new List<string>();
        var pending = new List<string>();
        var position = 0;
        while (Next(chars, ref position, pending) is { } token)
            tokens.Add(token);
        return tokens;
    }

    private static bool IsWord(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == Letter;

    private static bool IsNumber(char c) => (uint)(c - '0') <= 9 || c == NonDecimalDigit;

    private static string Canonical(string text)
    {
        if (Ascii(text))
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            // A lone surrogate is a code point of its own to Python, and neither letter, digit nor space.
            var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i];
            i += codePoint > 0xFFFF ? 2 : 1;
            if (codePoint == 0)
                continue;
            if (PythonUnicode.IsSpace(codePoint))
                builder.Append(' ');
            else if (codePoint < 0x80)
                builder.Append((char)codePoint);
            else if (PythonUnicode.DecimalValue(codePoint) is var digit and >= 0)
                builder.Append((char)('0' + digit));
            else if (PythonUnicode.IsDigit(codePoint))
                builder.Append(NonDecimalDigit);
            else
                builder.Append(PythonUnicode.IsAlpha(codePoint) ? Letter : Other);
        }
        return builder.ToString();
    }

    /// <summary>Printable ASCII needs no rewriting.</summary>
    private static bool Ascii(string text) => !text.AsSpan().ContainsAnyExceptInRange(' ', '~');

    /// <summary><c>get_token</c>: the next token, or null at the end.</summary>
    private static string? Next(string chars, ref int position, List<string> pending)
    {
        if (pending.Count > 0)
        {
            var first = pending[0];
            pending.RemoveAt(0);
            return first;
        }
        var seenLetters = false;
        var state = State.None;
        var start = position;
        // A character that ends a token is left unread (dateutil pushes it back), so a token is always the
        // characters from start to position.
        while (position < chars.Length)
        {
            var c = chars[position];
            if (state == State.None)
            {
                position++;
                if (IsWord(c))
                    state = State.Word;
                else if (IsNumber(c))
                    state = State.Number;
                else
                    break;
            }
            else if (state == State.Word)
            {
                seenLetters = true;
                if (IsWord(c))
                    position++;
                else if (c == '.')
                {
                    position++;
                    state = State.WordDot;
                }
                else
                    break;
            }
            else if (state == State.Number)
            {
                if (IsNumber(c))
                    position++;
                else if (c == '.' || (c == ',' && position - start >= 2))
                {
                    position++;
                    state = State.NumberDot;
                }
                else
                    break;
            }
            else if (state == State.WordDot)
            {
                seenLetters = true;
                if (c == '.' || IsWord(c))
                    position++;
                else if (IsNumber(c) && chars[position - 1] == '.')
                {
                    position++;
                    state = State.NumberDot;
                }
                else
                    break;
            }
            else
            {
                if (c == '.' || IsNumber(c))
                    position++;
                else if (IsWord(c) && chars[position - 1] == '.')
                {
                    position++;
                    state = State.WordDot;
                }
                else
                    break;
            }
        }
        if (position == start)
            return null;
        var token = chars[start..position];
        if (state is State.WordDot or State.NumberDot &&
            (seenLetters || token.AsSpan().Count('.') > 1 || token[^1] is '.' or ','))
        {
            // re.split("([.,])", token): the pieces and the separators, empty pieces dropped after the first.
            var pieceStart = 0;
            var first = true;
            string head = "";
            for (var i = 0; i <= token.Length; i++)
            {
                if (i < token.Length && token[i] is not ('.' or ','))
                    continue;
                var piece = token[pieceStart..i];
                if (first)
                    head = piece;
                else if (piece.Length > 0)
                    pending.Add(piece);
                first = false;
                if (i < token.Length)
                    pending.Add(token[i].ToString());
                pieceStart = i + 1;
            }
            token = head;
        }
        if (state == State.NumberDot && !token.Contains('.'))
            token = token.Replace(',', '.');
        return token;
    }
}
