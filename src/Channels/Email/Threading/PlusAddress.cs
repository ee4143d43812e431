namespace ContactHub.Channels.Email.Threading;

/// <summary>Our address with the token after a '+' (RFC 5233 subaddress), for a Reply-To that carries the token.</summary>
public static class PlusAddress
{
    private const int MaxLocalPart = 64;

    /// <returns>Null when the address cannot take one: it already has a subaddress, is quoted, or would grow too long.</returns>
    public static string? Tagged(string address, ConversationToken token)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return null;
        }
        var local = address[..at];
        var tagged = $"{local}+{token.PlusTag}";
        return local.Contains('+') || local.Contains('"') || tagged.Length > MaxLocalPart ? null : tagged + address[at..];
    }
}
