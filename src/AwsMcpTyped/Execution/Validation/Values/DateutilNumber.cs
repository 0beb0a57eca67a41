using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// A number token as dateutil holds it: a <c>decimal.Decimal</c> made from digits with at most one fractional part
/// (the only numbers its lexer produces), with the few operations dateutil does on it. Comparisons and <c>int()</c> are
/// exact, but <c>value % 1</c> and <c>60 * x</c> run in Python's default decimal context: 28 significant digits,
/// rounding half to even, and <c>%</c> refuses (raises <c>InvalidOperation</c>, which nothing in the CLI catches) when
/// the integer part has more than 28 digits.
/// </summary>
internal readonly struct DateutilNumber
{
    private const int Precision = 28;

    private DateutilNumber(BigInteger integer, string fraction)
    {
        Integer = integer;
        Fraction = fraction;
    }

    /// <summary><c>int(value)</c>: the integer part (the value is never negative).</summary>
    public BigInteger Integer { get; }

    /// <summary>The digits after the point, as written.</summary>
    private string Fraction { get; }

    private bool HasFraction => Fraction.AsSpan().IndexOfAnyExcept('0') >= 0;

    /// <summary><c>Decimal(token)</c> for a finite value: ASCII digits, optionally a point and more digits (the lexer
    /// has turned every decimal digit into ASCII; a token such as <c>nan</c> that is not finite fails here as it
    /// does in dateutil's <c>_to_decimal</c>).</summary>
    public static bool TryParse(string token, out DateutilNumber number)
    {
        number = default;
        var point = token.IndexOf('.');
        var whole = point < 0 ? token : token[..point];
        var fraction = point < 0 ? "" : token[(point + 1)..];
        if (!IsDigits(whole) || (point >= 0 && !IsDigits(fraction)))
            return false;
        number = new DateutilNumber(BigInteger.Parse(whole, System.Globalization.CultureInfo.InvariantCulture), fraction);
        return true;
    }

    private static bool IsDigits(string text) => text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>value &gt; n, exactly.</summary>
    public bool GreaterThan(int n) => Integer > n || (Integer == n && HasFraction);

    /// <summary>value &lt;= n, exactly.</summary>
    public bool AtMost(BigInteger n) => Integer < n || (Integer == n && !HasFraction);

    /// <summary>value &lt; n, exactly.</summary>
    public bool LessThan(int n) => Integer < n;

    /// <summary>
    /// <c>int(60 * (value % 1))</c> when <c>value % 1</c> is not zero, else null (dateutil's minutes of a fractional
    /// hour, seconds of a fractional minute). False when <c>%</c> raises InvalidOperation.
    /// </summary>
    public bool TrySixtiethsOfFraction(out BigInteger? sixtieths)
    {
        sixtieths = null;
        if (BigInteger.Abs(Integer).ToString(System.Globalization.CultureInfo.InvariantCulture).Length > Precision)
            return false;
        if (!HasFraction)
            return true;
        // The remainder is the fractional part, rounded to the context's precision; so is the product.
        var (remainder, exponent) = Round(BigInteger.Parse(Fraction, System.Globalization.CultureInfo.InvariantCulture), -Fraction.Length);
        var (product, productExponent) = Round(remainder * 60, exponent);
        sixtieths = productExponent >= 0 ? product * BigInteger.Pow(10, productExponent) : product / BigInteger.Pow(10, -productExponent);
        return true;
    }

    /// <summary>Rounds coefficient × 10^exponent to <see cref="Precision"/> significant digits, half to even.</summary>
    private static (BigInteger Coefficient, int Exponent) Round(BigInteger coefficient, int exponent)
    {
        var digits = coefficient.IsZero ? 1 : coefficient.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        if (digits <= Precision)
            return (coefficient, exponent);
        var drop = digits - Precision;
        var divisor = BigInteger.Pow(10, drop);
        var quotient = BigInteger.DivRem(coefficient, divisor, out var rest);
        var twice = rest * 2;
        if (twice > divisor || (twice == divisor && !quotient.IsEven))
            quotient += 1;
        return (quotient, exponent + drop);
    }
}
