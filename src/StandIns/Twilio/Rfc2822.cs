using System.Globalization;

namespace ContactHub.StandIns.Twilio;

public static class Rfc2822
{
    /// <summary>Twilio's REST dates: "Tue, 10 Mar 2026 14:28:40 +0000".</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
