namespace ContactHub.StandIns.Twilio;

/// <summary>How many SMS segments Twilio bills for a body: GSM-7 fits 160 (153 when split), anything else is UCS-2 at 70 (67).</summary>
public static class SmsSegments
{
    // GSM 03.38 basic set, printable part; the escape-table characters count double and are rare enough to ignore here.
    private const string Gsm7 =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    public static int Count(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return 1;
        }
        var isGsm = body.All(c => Gsm7.Contains(c));
        var (single, concatenated) = isGsm ? (160, 153) : (70, 67);
        // UCS-2 counts UTF-16 code units, so an emoji takes two, as on a real handset.
        return body.Length <= single ? 1 : (body.Length + concatenated - 1) / concatenated;
    }
}
