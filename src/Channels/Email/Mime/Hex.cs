namespace ContactHub.Channels.Email.Mime;

internal static class Hex
{
    /// <summary>Reads two hex digits; lower case is accepted because many mailers emit it despite RFC 2045.</summary>
    public static bool TryPair(byte high, byte low, out byte value)
    {
        var h = Digit(high);
        var l = Digit(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
