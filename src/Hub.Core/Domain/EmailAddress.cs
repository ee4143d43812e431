using System.Text.RegularExpressions;

namespace ContactHub.Core.Domain;

/// <summary>
/// The plain addresses the hub sends from: an RFC 5322 dot-atom local part at a DNS host name with a dot. Quoted
/// local parts, address literals and non-ASCII (SMTPUTF8) addresses are refused: the reply composer cannot write them.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    // Local part: dot-atom of RFC 5322 atext, at most 64 octets (RFC 5321 4.5.3.1.1); domain: LDH labels of 1-63.
    [GeneratedRegex(@"^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    public static bool IsValid(string? address) => address is { Length: > 0 and <= MaxLength } && Plain().IsMatch(address);
}
