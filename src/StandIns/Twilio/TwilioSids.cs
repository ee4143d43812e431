using System.Security.Cryptography;

namespace ContactHub.StandIns.Twilio;

/// <summary>Twilio sids: a two-letter type prefix and 32 lowercase hex digits.</summary>
public static class TwilioSids
{
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
