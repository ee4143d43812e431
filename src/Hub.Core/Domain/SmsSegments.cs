namespace ContactHub.Core.Domain;

/// <summary>
/// How many SMS segments a body costs: GSM-7 fits 160 septets (153 per part when split), anything else is UCS-2 at
/// 70 UTF-16 units (67 per part). Agents see it before sending because each segment is billed.
/// </summary>
public static class SmsSegments
{
    // GSM 03.38 basic character set (printable part, plus LF and CR).
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // The extension table: each of these is sent as ESC + character, so it takes two septets.
    private const string Extension = "^{}\\[~]|€\f";

    public static int Count(string? body) => Measure(body).Segments;

    /// <returns>Segments, the units used (septets or UTF-16 code units) and whether the body fits GSM-7.</returns>
    public static (int Segments, int Units, bool IsGsm7) Measure(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return (1, 0, true);
        }
        var septets = 0;
        foreach (var c in body)
        {
            if (Basic.Contains(c))
            {
                septets += 1;
            }
            else if (Extension.Contains(c))
            {
                septets += 2;
            }
            else
            {
                // UCS-2 counts UTF-16 code units, so an emoji takes two, as on a real handset.
                return (Segments(body.Length, 70, 67), body.Length, false);
            }
        }
        return (Segments(septets, 160, 153), septets, true);
    }

    private static int Segments(int units, int single, int perPart) =>
        units <= single ? 1 : (units + perPart - 1) / perPart;
}
