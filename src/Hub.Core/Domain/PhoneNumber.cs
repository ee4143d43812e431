namespace ContactHub.Core.Domain;

/// <summary>E.164 normalisation without libphonenumber (not on the registry): enough to match one person's number typed any way.</summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? raw, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }
        var text = raw.Trim();
        var international = text.StartsWith('+') || text.StartsWith("00", StringComparison.Ordinal);
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')')))
        {
            return false;
        }
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (!international)
        {
            // A bare NANP number: 10 digits, or 11 with the trunk prefix 1.
            if (digits.Length == 10)
            {
                digits = "1" + digits;
            }
            else if (!(digits.Length == 11 && digits[0] == '1'))
            {
                return false;
            }
        }
        if (digits.Length is < 8 or > 15 || digits[0] == '0')
        {
            return false;
        }
        e164 = "+" + digits;
        return true;
    }

    public static bool IsE164(string? value) =>
        value is { Length: >= 9 and <= 16 } && value[0] == '+' && value[1] != '0' && value.Skip(1).All(char.IsAsciiDigit);
}
