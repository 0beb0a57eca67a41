namespace AwsMcpTyped.Execution.Filters;

/// <summary>Decimal number literals as awk and jq both read them: digits and dots, then an optional exponent.</summary>
internal static class NumberLiteral
{
    /// <summary>The index just after the number that starts at <paramref name="at"/>.</summary>
    public static int End(string text, int at)
    {
        char At(int index) => index < text.Length ? text[index] : '\0';
        while (char.IsAsciiDigit(At(at)) || At(at) == '.')
            at++;
        if (At(at) is 'e' or 'E' && (char.IsAsciiDigit(At(at + 1)) || (At(at + 1) is '+' or '-' && char.IsAsciiDigit(At(at + 2)))))
        {
            at += 2;
            while (char.IsAsciiDigit(At(at)))
                at++;
        }
        return at;
    }
}
