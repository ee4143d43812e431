using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Email.Threading;

/// <summary>
/// Issues and checks conversation tokens with one key. Conversation ids count up, so a bare id would let anyone who
/// can forge a customer's From address (SMTP does not stop that) guess their way into that customer's conversations;
/// the signature, an HMAC of the id, means only someone who has seen our mail can name the conversation. 40 bits are
/// plenty because every guess costs an e-mail and the store still refuses another contact's conversation.
/// </summary>
public sealed partial class ConversationTokens
{
    private const int SignatureBytes = 5;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly byte[] _key;

    public ConversationTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("A conversation-token key needs at least 16 bytes.", nameof(key));
        }
        _key = key.ToArray();
    }

    // Case-insensitive: some clients and servers change the case of subjects or of an address's local part.
    [GeneratedRegex(@"\[#CH-(\d{1,18})-([a-z2-7]{8})\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"\+ch(\d{1,18})-([a-z2-7]{8})@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlusPattern();

    public ConversationToken Issue(long conversationId) => new(conversationId, Sign(conversationId));

    /// <summary>
    /// The conversations a customer's mail names by a valid token, in threading order: the subject's tokens, then
    /// plus-addresses among To, Cc and Delivered-To. Tokens with a wrong signature are ignored.
    /// </summary>
    public IReadOnlyList<long> FoundIn(MimeMessage message)
    {
        var found = new List<long>();
        Collect(SubjectPattern().Matches(message.Subject), found);
        var recipients = message.To.Concat(message.Cc).Select(m => m.Address)
            .Concat(message.Headers.FindAll("Delivered-To").Select(h => h.RawValue));
        foreach (var recipient in recipients)
        {
            Collect(PlusPattern().Matches(recipient), found);
        }
        return found;
    }

    /// <summary>The subject with every conversation token removed (ours for any conversation), spaces tidied.</summary>
    public static string WithoutTokens(string subject) =>
        string.Join(' ', SubjectPattern().Replace(subject, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private void Collect(MatchCollection matches, List<long> found)
    {
        foreach (Match match in matches)
        {
            if (long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && Verifies(id, match.Groups[2].Value) && !found.Contains(id))
            {
                found.Add(id);
            }
        }
    }

    private bool Verifies(long conversationId, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(conversationId)),
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));

    private string Sign(long conversationId)
    {
        // The label keeps this MAC from ever equalling one the same key might make for another purpose.
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"contacthub:email-conversation:{conversationId.ToString(CultureInfo.InvariantCulture)}"));
        // 5 bytes = 40 bits = exactly 8 base32 characters.
        ulong bits = 0;
        for (var i = 0; i < SignatureBytes; i++)
        {
            bits = (bits << 8) | mac[i];
        }
        var text = new char[8];
        for (var i = 7; i >= 0; i--)
        {
            text[i] = Base32[(int)(bits & 31)];
            bits >>= 5;
        }
        return new string(text);
    }
}
